import type { ErrorCode, ErrorDetail, TokenPair } from '@unionhub/contracts';
import { ADMIN_TOKENS_KEY, createTokenStore, MEMBER_TOKENS_KEY, type TokenStore } from './tokens';

/** Codes the client itself produces when there is no usable answer from the API. */
export type ClientErrorCode = 'NETWORK_ERROR' | 'BAD_RESPONSE';

export class ApiError extends Error {
  readonly status: number;
  readonly code: ErrorCode | ClientErrorCode | (string & {});
  readonly details: ErrorDetail[];
  readonly meta: Record<string, unknown>;
  readonly requestId: string | null;

  constructor(init: {
    status: number;
    code: string;
    message: string;
    details?: ErrorDetail[];
    meta?: Record<string, unknown>;
    requestId?: string | null;
  }) {
    super(init.message);
    this.name = 'ApiError';
    this.status = init.status;
    this.code = init.code;
    this.details = init.details ?? [];
    this.meta = init.meta ?? {};
    this.requestId = init.requestId ?? null;
  }
}

export function isApiError(error: unknown, code?: string): error is ApiError {
  return error instanceof ApiError && (code === undefined || error.code === code);
}

type Method = 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';

export interface RequestOptions {
  body?: unknown;
  query?: Record<string, string | number | boolean | undefined>;
  /** Send the bearer token and refresh it when it has expired. Off for sign-in calls. */
  auth?: boolean;
  /** Extra request headers, e.g. an Idempotency-Key. */
  headers?: Record<string, string>;
  signal?: AbortSignal;
}

export interface ApiClient {
  readonly tokens: TokenStore;
  request<T>(method: Method, path: string, options?: RequestOptions): Promise<T>;
  get<T>(path: string, options?: Omit<RequestOptions, 'body'>): Promise<T>;
  post<T>(path: string, body?: unknown, options?: Omit<RequestOptions, 'body'>): Promise<T>;
  /** A file answer (an export), fetched with the same token handling as every other call. */
  download(path: string, options?: Omit<RequestOptions, 'body'>): Promise<DownloadedFile>;
}

export interface DownloadedFile {
  blob: Blob;
  /** From Content-Disposition, when the server named the file. */
  filename: string | null;
}

export interface ApiClientOptions {
  tokens: TokenStore;
  baseUrl?: string;
  fetch?: typeof fetch;
}

const statusCodes: Record<number, ErrorCode> = {
  401: 'UNAUTHENTICATED',
  403: 'FORBIDDEN',
  404: 'NOT_FOUND',
  413: 'PAYLOAD_TOO_LARGE',
  429: 'RATE_LIMITED',
  502: 'SERVICE_UNAVAILABLE',
  503: 'SERVICE_UNAVAILABLE',
  504: 'SERVICE_UNAVAILABLE',
};

const sessionEndingCodes = new Set<string>(['UNAUTHENTICATED', 'AUTH_REFRESH_INVALID']);

async function toApiError(response: Response): Promise<ApiError> {
  let body: unknown = null;
  try {
    body = await response.json();
  } catch {
    // A proxy or gateway page instead of the API's JSON error; fall back to the status below.
  }
  const error = (body as { error?: Record<string, unknown> } | null)?.error;
  if (error && typeof error.code === 'string') {
    return new ApiError({
      status: response.status,
      code: error.code,
      message: typeof error.message === 'string' ? error.message : error.code,
      details: Array.isArray(error.details) ? (error.details as ErrorDetail[]) : [],
      meta: error.meta && typeof error.meta === 'object' ? (error.meta as Record<string, unknown>) : {},
      requestId: (body as { requestId?: string }).requestId ?? response.headers.get('x-request-id'),
    });
  }
  const code = statusCodes[response.status] ?? (response.status >= 500 ? 'INTERNAL' : 'BAD_RESPONSE');
  return new ApiError({
    status: response.status,
    code,
    message: `HTTP ${response.status}`,
    requestId: response.headers.get('x-request-id'),
  });
}

function buildUrl(baseUrl: string, path: string, query?: RequestOptions['query']): string {
  const search = new URLSearchParams();
  for (const [key, value] of Object.entries(query ?? {})) {
    if (value !== undefined) search.set(key, String(value));
  }
  const qs = search.toString();
  return `${baseUrl}${path}${qs ? `?${qs}` : ''}`;
}

export function createApiClient({
  tokens,
  baseUrl = '/api/v1',
  fetch: fetchImpl,
}: ApiClientOptions): ApiClient {
  // Resolved on every call so that tests can replace the global fetch after the client exists.
  const doFetch: typeof fetch = (input, init) => (fetchImpl ?? globalThis.fetch)(input, init);
  let refreshing: Promise<boolean> | null = null;

  async function send(method: Method, path: string, options: RequestOptions, accessToken: string | null) {
    const headers: Record<string, string> = { Accept: 'application/json', ...options.headers };
    let body: string | FormData | undefined;
    if (options.body instanceof FormData) {
      // The browser writes the multipart boundary into Content-Type itself.
      body = options.body;
    } else if (options.body !== undefined) {
      headers['Content-Type'] = 'application/json';
      body = JSON.stringify(options.body);
    }
    if (accessToken) headers.Authorization = `Bearer ${accessToken}`;
    try {
      return await doFetch(buildUrl(baseUrl, path, options.query), {
        method,
        headers,
        body,
        signal: options.signal,
      });
    } catch (error) {
      if (error instanceof DOMException && error.name === 'AbortError') throw error;
      throw new ApiError({ status: 0, code: 'NETWORK_ERROR', message: String(error) });
    }
  }

  async function refreshOnce(): Promise<boolean> {
    const current = tokens.get();
    if (!current) return false;
    const response = await send(
      'POST',
      '/auth/refresh',
      { body: { refreshToken: current.refreshToken } },
      null,
    );
    if (response.ok) {
      tokens.set((await response.json()) as TokenPair);
      return true;
    }
    // A refused refresh token ends the session; a server hiccup leaves it for the next try.
    if (response.status === 400 || response.status === 401) tokens.clear();
    return false;
  }

  /** Concurrent requests that all find the token expired share a single refresh. */
  function refresh(): Promise<boolean> {
    refreshing ??= refreshOnce()
      .catch(() => false)
      .finally(() => {
        refreshing = null;
      });
    return refreshing;
  }

  async function respond(method: Method, path: string, options: RequestOptions): Promise<Response> {
    const auth = options.auth ?? true;
    const used = auth ? (tokens.get()?.accessToken ?? null) : null;
    let response = await send(method, path, options, used);

    if (auth && response.status === 401) {
      const error = await toApiError(response);
      if (error.code !== 'TOKEN_EXPIRED') {
        // A wrong current password also answers 401; only a refused session ends the session.
        if (sessionEndingCodes.has(error.code)) tokens.clear();
        throw error;
      }
      const latest = tokens.get()?.accessToken ?? null;
      const renewed = latest !== null && latest !== used ? true : await refresh();
      if (!renewed) throw error;
      response = await send(method, path, options, tokens.get()?.accessToken ?? null);
      if (response.status === 401) {
        const retried = await toApiError(response);
        if (sessionEndingCodes.has(retried.code) || retried.code === 'TOKEN_EXPIRED') tokens.clear();
        throw retried;
      }
    }

    if (!response.ok) throw await toApiError(response);
    return response;
  }

  async function request<T>(method: Method, path: string, options: RequestOptions = {}): Promise<T> {
    const response = await respond(method, path, options);
    if (response.status === 204) return undefined as T;
    const text = await response.text();
    if (!text) return undefined as T;
    try {
      return JSON.parse(text) as T;
    } catch {
      throw new ApiError({ status: response.status, code: 'BAD_RESPONSE', message: 'Invalid JSON' });
    }
  }

  return {
    tokens,
    request,
    get: (path, options) => request('GET', path, options),
    post: (path, body, options) => request('POST', path, { ...options, body }),
    async download(path, options) {
      const response = await respond('GET', path, options ?? {});
      const disposition = response.headers.get('content-disposition') ?? '';
      const match = disposition.match(/filename\*=UTF-8''([^;]+)|filename="?([^";]+)"?/i);
      const raw = match?.[1] ?? match?.[2] ?? null;
      return { blob: await response.blob(), filename: raw ? decodeURIComponent(raw) : null };
    },
  };
}

/** The admin console's client: staff tokens. */
export const adminApi = createApiClient({ tokens: createTokenStore(ADMIN_TOKENS_KEY) });

/** The member app's client: member tokens, kept apart so one browser can hold both sessions. */
export const memberApi = createApiClient({ tokens: createTokenStore(MEMBER_TOKENS_KEY) });
