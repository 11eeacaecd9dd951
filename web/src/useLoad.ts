import { useCallback, useEffect, useState, type DependencyList } from 'react';
import { ApiError } from './api/client';

export type LoadState<T> =
  | { status: 'loading'; value?: T }
  | { status: 'ok'; value: T }
  | { status: 'error'; error: ApiError; value?: T };

interface Result<T> {
  key: string;
  value?: T;
  error?: ApiError;
}

/** What useLoad gives: the state, and the means to reload or replace the value. */
export type Loaded<T> = LoadState<T> & { reload: () => void; setValue: (value: T) => void };

/**
 * Loads data for the given dependencies and exposes loading/ok/error. Loading is derived from the
 * dependencies (no setState inside the effect body), and the previous value stays visible while the
 * next one loads so tables do not flicker when paging.
 */
export function useLoad<T>(load: () => Promise<T>, deps: DependencyList): Loaded<T> {
  const [nonce, setNonce] = useState(0);
  const [result, setResult] = useState<Result<T> | null>(null);
  const key = JSON.stringify([...deps, nonce]);

  useEffect(() => {
    let live = true;
    load().then(
      (value) => {
        if (live) setResult({ key, value });
      },
      (error: unknown) => {
        if (!live) return;
        const apiError =
          error instanceof ApiError ? error : new ApiError({ status: 500, code: 'internal' });
        setResult({ key, error: apiError });
      },
    );
    return () => {
      live = false;
    };
    // `key` captures deps and nonce; `load` is a fresh closure on every render by design.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [key]);

  const reload = useCallback(() => {
    setNonce((n) => n + 1);
  }, []);
  const setValue = useCallback(
    (value: T) => {
      setResult({ key, value });
    },
    [key],
  );

  let state: LoadState<T>;
  if (result?.key === key && result.error) state = { status: 'error', error: result.error };
  else if (result?.key === key && result.value !== undefined)
    state = { status: 'ok', value: result.value };
  else
    state =
      result?.value !== undefined
        ? { status: 'loading', value: result.value }
        : { status: 'loading' };
  return { ...state, reload, setValue };
}
