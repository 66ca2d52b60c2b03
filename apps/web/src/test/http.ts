import { vi } from 'vitest';

export interface Call {
  method: string;
  url: string;
  body: unknown;
  authorization: string | null;
}

type Handler = (call: Call) => Response | Promise<Response>;

export function json(status: number, body?: unknown): Response {
  return new Response(body === undefined ? null : JSON.stringify(body), {
    status,
    headers: { 'Content-Type': 'application/json' },
  });
}

export function apiError(
  status: number,
  code: string,
  extra: { details?: { path: string; message: string }[]; meta?: Record<string, unknown> } = {},
): Response {
  return json(status, {
    error: { code, message: code, details: extra.details ?? [], ...(extra.meta ? { meta: extra.meta } : {}) },
    requestId: 'req-1',
  });
}

/** A fetch stand-in that answers from `handler` and records every call it got. */
export function mockFetch(handler: Handler) {
  const calls: Call[] = [];
  const fetch = vi.fn(async (input: RequestInfo | URL, init?: RequestInit) => {
    const headers = new Headers(init?.headers);
    const call: Call = {
      method: init?.method ?? 'GET',
      url: String(input),
      body: typeof init?.body === 'string' ? JSON.parse(init.body) : undefined,
      authorization: headers.get('Authorization'),
    };
    calls.push(call);
    return handler(call);
  });
  return { fetch: fetch as unknown as typeof globalThis.fetch, calls };
}
