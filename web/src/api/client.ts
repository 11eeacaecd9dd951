// Thin fetch wrapper: same-origin cookies, CSRF header on state-changing requests, problem+json
// errors as ApiError, and a hook that lets the UI re-authenticate and retry after a 401.
import type { FieldError, Problem } from './types';

export class ApiError extends Error {
  readonly status: number;
  readonly code: string;
  readonly errors: FieldError[];
  readonly problem: Problem;
  /** From the Retry-After header (429), in seconds. */
  readonly retryAfterSeconds: number | undefined;

  constructor(problem: Problem, retryAfterSeconds?: number) {
    super(problem.detail ?? problem.title ?? `HTTP ${problem.status}`);
    this.name = 'ApiError';
    this.status = problem.status;
    this.code = problem.code ?? fallbackCode(problem.status);
    this.errors = Array.isArray(problem.errors) ? problem.errors : [];
    this.problem = problem;
    this.retryAfterSeconds = retryAfterSeconds;
  }
}

function fallbackCode(status: number): string {
  switch (status) {
    case 0:
      return 'network';
    case 401:
      return 'unauthenticated';
    case 403:
      return 'forbidden';
    case 404:
      return 'not-found';
    case 412:
      return 'version-conflict';
    default:
      return status >= 500 ? 'internal' : 'bad-request';
  }
}

let csrfToken: string | null = null;
let reauthenticate: (() => Promise<void>) | null = null;

export function setCsrfToken(token: string | null): void {
  csrfToken = token;
}

/**
 * While a user is logged in the session layer installs a handler that asks for the password again.
 * A request that gets 401 `unauthenticated` waits for it and is then sent once more, so a note or an
 * edit typed before the session expired is still saved.
 */
export function setReauthenticateHandler(handler: (() => Promise<void>) | null): void {
  reauthenticate = handler;
}

export interface RequestOptions {
  method?: 'GET' | 'POST' | 'PATCH' | 'PUT' | 'DELETE';
  body?: unknown;
  /** A body sent as it is (a file upload), with its media type; instead of a JSON `body`. */
  rawBody?: { content: Blob | string; contentType: string };
  headers?: Record<string, string>;
  /** false for the session endpoints themselves: a failed login must not open the re-login dialog. */
  reauthenticate?: boolean;
}

export interface ApiResponse<T> {
  data: T;
  headers: Headers;
  status: number;
}

export async function request<T>(
  path: string,
  options: RequestOptions = {},
): Promise<ApiResponse<T>> {
  const method = options.method ?? 'GET';
  const headers: Record<string, string> = { Accept: 'application/json', ...options.headers };
  if (options.rawBody !== undefined) headers['Content-Type'] = options.rawBody.contentType;
  else if (options.body !== undefined) headers['Content-Type'] = 'application/json';
  if (method !== 'GET' && csrfToken !== null) headers['X-CSRF-Token'] = csrfToken;

  let response: Response;
  try {
    response = await fetch(path, {
      method,
      headers,
      credentials: 'same-origin',
      body:
        options.rawBody !== undefined
          ? options.rawBody.content
          : options.body === undefined
            ? null
            : JSON.stringify(options.body),
    });
  } catch {
    throw new ApiError({ status: 0, code: 'network' });
  }

  if (response.ok) {
    const data = (response.status === 204 ? undefined : await response.json()) as T;
    return { data, headers: response.headers, status: response.status };
  }

  const error = await toApiError(response);
  if (
    error.status === 401 &&
    error.code === 'unauthenticated' &&
    options.reauthenticate !== false &&
    reauthenticate !== null
  ) {
    await reauthenticate(); // rejects when the user gives up; the caller then sees that error
    return request<T>(path, options);
  }
  throw error;
}

async function toApiError(response: Response): Promise<ApiError> {
  let problem: Problem = { status: response.status };
  const type = response.headers.get('Content-Type') ?? '';
  if (type.includes('json')) {
    try {
      const body = (await response.json()) as unknown;
      if (body !== null && typeof body === 'object') {
        problem = { ...(body as Problem), status: response.status };
      }
    } catch {
      // Not JSON after all: keep the bare status.
    }
  }
  const retryAfter = Number.parseInt(response.headers.get('Retry-After') ?? '', 10);
  return new ApiError(problem, Number.isFinite(retryAfter) ? retryAfter : undefined);
}

export function isApiError(e: unknown, code?: string): e is ApiError {
  return e instanceof ApiError && (code === undefined || e.code === code);
}
