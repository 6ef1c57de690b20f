/**
 * The one way the web app talks to the API: JSON in and out, the session cookie sent along, the CSRF token
 * echoed in a header on every state-changing request, and every refusal turned into an `ApiError` that carries
 * the server's stable `code`, its message and the offending fields.
 */

export interface FieldIssue {
  field: string;
  rule: string;
}

/** An error answered by the API (or a network failure, with code `network_error`). */
export class ApiError extends Error {
  readonly status: number;
  readonly code: string;
  readonly issues: FieldIssue[];
  readonly requestId: string | null;

  constructor(status: number, code: string, message: string, issues: FieldIssue[] = [], requestId: string | null = null) {
    super(message);
    this.name = 'ApiError';
    this.status = status;
    this.code = code;
    this.issues = issues;
    this.requestId = requestId;
  }
}

export type QueryValue = string | number | boolean | null | undefined;

export interface ApiOptions {
  method?: 'GET' | 'POST' | 'PATCH' | 'PUT' | 'DELETE';
  body?: unknown;
  /** Query-string parameters; null, undefined and empty strings are left out. */
  query?: Record<string, QueryValue>;
  signal?: AbortSignal;
  /**
   * Whether a 401 sends the user to the login page (the default). The login form itself turns it off, since
   * there a 401 means "wrong password", which the form shows.
   */
  redirectOnUnauthorized?: boolean;
}

const CSRF_COOKIE = 'rapport_csrf';
const CSRF_HEADER = 'x-csrf-token';

let onUnauthorized: () => void = () => {};

/** Registers what a 401 does (the router sends the user to /login); called once at start-up. */
export function setUnauthorizedHandler(handler: () => void): void {
  onUnauthorized = handler;
}

/** Reports a lost session noticed outside `api()`, e.g. by a query that opted out of the redirect. */
export function reportUnauthorized(): void {
  onUnauthorized();
}

/** The value of a cookie readable by scripts, or null. */
export function readCookie(name: string, cookieHeader: string = document.cookie): string | null {
  for (const part of cookieHeader.split(';')) {
    const [key, ...rest] = part.trim().split('=');
    if (key === name) return decodeURIComponent(rest.join('='));
  }
  return null;
}

/** `/api/users` + `{ q: 'ann', cursor: null }` → `/api/users?q=ann`. */
export function buildUrl(path: string, query: Record<string, QueryValue> = {}): string {
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(query)) {
    if (value === null || value === undefined || value === '') continue;
    params.set(key, String(value));
  }
  const search = params.toString();
  return search ? `${path}?${search}` : path;
}

/** Sends one request to the API and resolves with its JSON body (undefined for 204), or throws an ApiError. */
export async function api<T>(path: string, options: ApiOptions = {}): Promise<T> {
  const method = options.method ?? 'GET';
  const headers: Record<string, string> = { accept: 'application/json' };
  if (options.body !== undefined) headers['content-type'] = 'application/json';
  if (method !== 'GET') {
    const csrf = readCookie(CSRF_COOKIE);
    if (csrf) headers[CSRF_HEADER] = csrf;
  }

  let response: Response;
  try {
    response = await fetch(buildUrl(path, options.query), {
      method,
      headers,
      credentials: 'include',
      body: options.body === undefined ? undefined : JSON.stringify(options.body),
      signal: options.signal,
    });
  } catch (cause) {
    if (cause instanceof DOMException && cause.name === 'AbortError') throw cause;
    throw new ApiError(0, 'network_error', cause instanceof Error ? cause.message : String(cause));
  }

  if (response.status === 204) return undefined as T;
  const body: unknown = await response.json().catch(() => null);
  if (response.ok) return body as T;

  const error = toApiError(response.status, body);
  // A wrong password also answers 401, but it is the form's to show, not a lost session.
  if (response.status === 401 && error.code !== 'invalid_credentials' && options.redirectOnUnauthorized !== false) {
    onUnauthorized();
  }
  throw error;
}

function toApiError(status: number, body: unknown): ApiError {
  const error = (body as { error?: Partial<{ code: string; message: string; issues: FieldIssue[]; requestId: string }> } | null)
    ?.error;
  if (error && typeof error.code === 'string') {
    return new ApiError(status, error.code, error.message ?? error.code, error.issues ?? [], error.requestId ?? null);
  }
  // A proxy may refuse a large body before the API sees it, without our JSON error body.
  return new ApiError(status, status === 413 ? 'payload_too_large' : status >= 500 ? 'internal' : 'bad_request', `HTTP ${status}`);
}

/**
 * Posts a multipart form to the API, reporting upload progress from 0 to 1, and resolves with the JSON body of a
 * 201. XMLHttpRequest because fetch cannot report upload progress; refusals arrive as ApiError like from `api()`.
 */
export function uploadForm<T>(path: string, form: FormData, onProgress: (fraction: number) => void = () => {}): Promise<T> {
  return new Promise((resolve, reject) => {
    const request = new XMLHttpRequest();
    request.open('POST', path);
    request.withCredentials = true;
    request.setRequestHeader('accept', 'application/json');
    const csrf = readCookie(CSRF_COOKIE);
    if (csrf) request.setRequestHeader(CSRF_HEADER, csrf);
    request.upload.onprogress = (event) => {
      if (event.lengthComputable) onProgress(event.loaded / event.total);
    };
    request.onload = () => {
      if (request.status === 201) resolve(JSON.parse(request.responseText) as T);
      else reject(toApiError(request.status, parseJson(request.responseText)));
    };
    request.onerror = () => reject(new ApiError(0, 'network_error', 'The file could not be sent'));
    request.send(form);
  });
}

function parseJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return null;
  }
}

/** True when `error` is an ApiError with one of the given codes. */
export function isApiError(error: unknown, ...codes: string[]): error is ApiError {
  return error instanceof ApiError && (codes.length === 0 || codes.includes(error.code));
}
