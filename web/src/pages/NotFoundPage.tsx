import { Heading1, Paragraph } from '@utrecht/component-library-react';
import { useSession } from '../auth/session-context';
import { RouterLink } from '../components/RouterLink';
import { nl } from '../messages/nl';
import { useDocumentTitle } from '../useDocumentTitle';

export function NotFoundPage() {
  useDocumentTitle(nl.notFound.title);
  const { state } = useSession();
  return (
    <>
      <Heading1>{nl.notFound.title}</Heading1>
      <Paragraph>{nl.notFound.body}</Paragraph>
      <Paragraph>
        {state.status === 'authenticated' ? (
          <RouterLink to="/leerlingen">{nl.notFound.home}</RouterLink>
        ) : (
          <RouterLink to="/inloggen">{nl.notFound.login}</RouterLink>
        )}
      </Paragraph>
    </>
  );
}
