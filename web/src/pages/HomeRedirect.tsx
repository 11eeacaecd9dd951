import { Navigate } from 'react-router';
import type { Role } from '../api/types';
import { useSession } from '../auth/session-context';

/** The start page per role: the SWV-beheerder manages accounts, everyone else sees pupils. */
export function homePath(role: Role): string {
  return role === 'swv_admin' ? '/beheer/accounts' : '/leerlingen';
}

export function HomeRedirect() {
  const { state } = useSession();
  const role = state.status === 'authenticated' ? state.session.user.role : null;
  return <Navigate to={role === null ? '/leerlingen' : homePath(role)} replace />;
}
