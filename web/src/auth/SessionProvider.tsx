import { useCallback, useEffect, useMemo, useRef, useState, type ReactNode } from 'react';
import { ApiError, setCsrfToken, setReauthenticateHandler } from '../api/client';
import { getSession, logout } from '../api/eenplan';
import type { Session } from '../api/types';
import { clearAllDrafts } from '../drafts';
import { ReloginDialog } from './ReloginDialog';
import { SessionContext, type SessionState } from './session-context';

interface Waiter {
  resolve: () => void;
  reject: (error: unknown) => void;
}

export function SessionProvider({ children }: { children: ReactNode }) {
  const [state, setState] = useState<SessionState>({ status: 'loading' });
  const [reloginOpen, setReloginOpen] = useState(false);
  // Requests that got 401 wait here until the user has logged in again (or gave up).
  const waiters = useRef<Waiter[]>([]);

  useEffect(() => {
    getSession().then(
      (session) => {
        setCsrfToken(session.csrfToken);
        setState({ status: 'authenticated', session });
      },
      () => {
        setState({ status: 'anonymous' });
      },
    );
  }, []);

  const authenticated = state.status === 'authenticated';
  useEffect(() => {
    if (!authenticated) return;
    setReauthenticateHandler(
      () =>
        new Promise<void>((resolve, reject) => {
          waiters.current.push({ resolve, reject });
          setReloginOpen(true);
        }),
    );
    return () => {
      setReauthenticateHandler(null);
    };
  }, [authenticated]);

  const signIn = useCallback((session: Session) => {
    setCsrfToken(session.csrfToken);
    setState({ status: 'authenticated', session });
  }, []);

  const signOut = useCallback(async () => {
    try {
      await logout();
    } catch {
      // An expired session is logged out already; clear the local state regardless.
    }
    clearAllDrafts();
    setCsrfToken(null);
    setState({ status: 'anonymous' });
  }, []);

  const onRelogin = useCallback((session: Session) => {
    setCsrfToken(session.csrfToken);
    setState({ status: 'authenticated', session });
    setReloginOpen(false);
    for (const waiter of waiters.current.splice(0)) waiter.resolve();
  }, []);

  // Giving up keeps the drafts: after a normal login the typing is still there.
  const onReloginCancel = useCallback(() => {
    setReloginOpen(false);
    setCsrfToken(null);
    setState({ status: 'anonymous' });
    const error = new ApiError({ status: 401, code: 'unauthenticated' });
    for (const waiter of waiters.current.splice(0)) waiter.reject(error);
  }, []);

  const value = useMemo(() => ({ state, signIn, signOut }), [state, signIn, signOut]);

  return (
    <SessionContext value={value}>
      {children}
      {reloginOpen && state.status === 'authenticated' && (
        <ReloginDialog
          username={state.session.user.username}
          onSuccess={onRelogin}
          onCancel={onReloginCancel}
        />
      )}
    </SessionContext>
  );
}
