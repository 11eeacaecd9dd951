import { Navigate, Outlet, useLocation } from 'react-router';
import { Paragraph } from '@utrecht/component-library-react';
import { nl } from '../messages/nl';
import { useSession } from './session-context';

/** Pages behind login; the login page sends the user back here afterwards. */
export function RequireSession() {
  const { state } = useSession();
  const location = useLocation();
  if (state.status === 'loading') return <Paragraph>{nl.loading}</Paragraph>;
  if (state.status === 'anonymous') {
    return (
      <Navigate to="/inloggen" replace state={{ from: location.pathname + location.search }} />
    );
  }
  return <Outlet />;
}
