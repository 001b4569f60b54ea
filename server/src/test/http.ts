/** A response as tests read it: status, headers, the JSON body (null when not JSON) and the raw text. */
export interface TestResponse<T = unknown> {
  status: number;
  headers: Headers;
  body: T;
  text: string;
}

interface RequestOptions {
  json?: unknown;
  /** Sent as-is (for oversized or malformed bodies). */
  raw?: string;
  headers?: Record<string, string>;
}

/**
 * A tiny cookie-keeping HTTP client, like a browser tab: remembers Set-Cookie, sends the cookies
 * back and an `Origin` equal to the server's own (override `origin` to play a foreign site).
 */
export class Agent {
  private readonly jar = new Map<string, string>();

  constructor(
    readonly baseUrl: string,
    public origin: string = baseUrl,
  ) {}

  /** `name=value; …` for the socket helper and for copying a session into another agent. */
  cookieHeader(): string {
    return [...this.jar].map(([k, v]) => `${k}=${v}`).join("; ");
  }

  cookie(name: string): string | undefined {
    return this.jar.get(name);
  }

  setCookie(name: string, value: string): void {
    this.jar.set(name, value);
  }

  async request<T = unknown>(
    method: string,
    path: string,
    opts: RequestOptions = {},
  ): Promise<TestResponse<T>> {
    const headers: Record<string, string> = { accept: "application/json", ...opts.headers };
    if (this.origin) headers.origin ??= this.origin;
    if (this.jar.size) headers.cookie = this.cookieHeader();
    let payload: string | undefined;
    if (opts.raw !== undefined) {
      payload = opts.raw;
      headers["content-type"] ??= "application/json";
    } else if (opts.json !== undefined) {
      payload = JSON.stringify(opts.json);
      headers["content-type"] = "application/json";
    }
    const res = await fetch(new URL(path, this.baseUrl), {
      method,
      headers,
      body: payload,
      redirect: "manual",
    });
    this.store(res.headers.getSetCookie());
    const text = await res.text();
    const isJson = (res.headers.get("content-type") ?? "").includes("application/json");
    // The caller names the shape it expects (`agent.get<{user: UserDto}>`) and asserts on it.
    const body: T = JSON.parse(isJson && text ? text : "null");
    return { status: res.status, headers: res.headers, body, text };
  }

  get<T = unknown>(path: string, opts?: RequestOptions) {
    return this.request<T>("GET", path, opts);
  }
  post<T = unknown>(path: string, json?: unknown, opts?: RequestOptions) {
    return this.request<T>("POST", path, { ...opts, json });
  }
  put<T = unknown>(path: string, json?: unknown, opts?: RequestOptions) {
    return this.request<T>("PUT", path, { ...opts, json });
  }
  patch<T = unknown>(path: string, json?: unknown, opts?: RequestOptions) {
    return this.request<T>("PATCH", path, { ...opts, json });
  }
  delete<T = unknown>(path: string, opts?: RequestOptions) {
    return this.request<T>("DELETE", path, opts);
  }

  private store(setCookies: string[]) {
    for (const line of setCookies) {
      const [pair, ...attrs] = line.split(";").map((s) => s.trim());
      const eq = pair.indexOf("=");
      const name = pair.slice(0, eq);
      const value = pair.slice(eq + 1);
      const expired = attrs.some((a) => {
        const [k, v = ""] = a.split("=");
        if (k.toLowerCase() === "max-age") return Number(v) <= 0;
        if (k.toLowerCase() === "expires") return new Date(v).getTime() <= Date.now();
        return false;
      });
      if (expired || value === "") this.jar.delete(name);
      else this.jar.set(name, value);
    }
  }
}
