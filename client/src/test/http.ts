import { vi } from "vitest";

/**
 * A fake `fetch` (the client's only network boundary) answering from a route table:
 * `mockFetch({ "POST /api/auth/login": () => json(401, {...}) })`. Unmatched requests get a 404
 * error body. Returns the spy so tests can inspect calls and bodies.
 */
export type Handler = (req: { url: URL; method: string; body: unknown }) => Response | Promise<Response>;

export function json(status: number, body?: unknown, headers: Record<string, string> = {}): Response {
  return new Response(body === undefined ? null : JSON.stringify(body), {
    status,
    headers: { "Content-Type": "application/json", ...headers },
  });
}

export function apiError(
  status: number,
  code: string,
  message = code,
  details?: Record<string, unknown>,
): Response {
  return json(status, { error: { code, message, ...(details ? { details } : {}) } });
}

export function mockFetch(routes: Record<string, Handler>) {
  const spy = vi.fn(async (input: RequestInfo | URL, init?: RequestInit) => {
    const url = new URL(
      typeof input === "string" ? input : input instanceof URL ? input.href : input.url,
      "http://localhost",
    );
    const method = (init?.method ?? "GET").toUpperCase();
    const body: unknown = typeof init?.body === "string" ? JSON.parse(init.body) : undefined;
    const handler = routes[`${method} ${url.pathname}`];
    if (!handler) return apiError(404, "NOT_FOUND", `No mock for ${method} ${url.pathname}`);
    return handler({ url, method, body });
  });
  vi.stubGlobal("fetch", spy);
  return spy;
}

/** The requests a fetch spy received, as `"METHOD /path"` strings. */
export function calls(spy: ReturnType<typeof mockFetch>): string[] {
  return spy.mock.calls.map(([input, init]) => {
    const url = new URL(
      typeof input === "string" ? input : input instanceof URL ? input.href : input.url,
      "http://localhost",
    );
    return `${(init?.method ?? "GET").toUpperCase()} ${url.pathname}`;
  });
}

/** The parsed JSON body of the first call matching `"METHOD /path"`. */
export function bodyOf(spy: ReturnType<typeof mockFetch>, route: string): unknown {
  const call = spy.mock.calls.find(([input, init]) => {
    const url = new URL(
      typeof input === "string" ? input : input instanceof URL ? input.href : input.url,
      "http://localhost",
    );
    return `${(init?.method ?? "GET").toUpperCase()} ${url.pathname}` === route;
  });
  const raw = call?.[1]?.body;
  return typeof raw === "string" ? JSON.parse(raw) : undefined;
}
