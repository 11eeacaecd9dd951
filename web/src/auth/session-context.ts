import { createContext, useContext } from 'react';
import type { Session } from '../api/types';

export type SessionState =
  { status: 'loading' } | { status: 'anonymous' } | { status: 'authenticated'; session: Session };

export interface SessionContextValue {
  state: SessionState;
  signIn: (session: Session) => void;
  signOut: () => Promise<void>;
}

export const SessionContext = createContext<SessionContextValue | null>(null);

export function useSession(): SessionContextValue {
  const value = useContext(SessionContext);
  if (value === null) throw new Error('useSession outside SessionProvider');
  return value;
}
