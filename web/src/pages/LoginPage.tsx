import { Navigate, useLocation, useNavigate } from 'react-router';
import { Heading1, Paragraph } from '@utrecht/component-library-react';
import { LoginForm } from '../auth/LoginForm';
import { useSession } from '../auth/session-context';
import { nl } from '../messages/nl';
import { useDocumentTitle } from '../useDocumentTitle';

/** Only same-site paths are followed after login (no open redirect). */
function returnPath(state: unknown): string {
  const from = (state as { from?: unknown } | null)?.from;
  return typeof from === 'string' && from.startsWith('/') && !from.startsWith('//') ? from : '/';
}

export function LoginPage() {
  useDocumentTitle(nl.login.title);
  const { state, signIn } = useSession();
  const navigate = useNavigate();
  const location = useLocation();

  if (state.status === 'authenticated') return <Navigate to={returnPath(location.state)} replace />;

  return (
    <div className="ep-login">
      <Heading1>{nl.login.title}</Heading1>
      <Paragraph appearance="lead">{nl.login.intro}</Paragraph>
      {state.status === 'loading' ? (
        <Paragraph>{nl.loading}</Paragraph>
      ) : (
        <LoginForm
          idPrefix="login"
          onSuccess={(session) => {
            signIn(session);
            void navigate(returnPath(location.state), { replace: true });
          }}
        />
      )}
    </div>
  );
}
