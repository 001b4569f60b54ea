import { z } from "zod";
import { ERROR_CODES, ERROR_STATUS, type ErrorBody, type ErrorCode } from "@rembuk/shared";
import { forgetOfflineUser, markFresh, recall, remember } from "./offline/dataCache";

/**
 * Typed fetch for the REST API (DESIGN.md §5): the transport `send` (lib/send.ts) takes when a
 * command goes over HTTP. Every call names the zod schema of its
 * success body, so responses are validated at the boundary and typed without casts; every failure
 * becomes an `ApiError` the UI can branch on by `code` (never by message text).
 */

/** Codes the client produces itself when no server error body is available. */
export type ClientErrorCode = "NETWORK" | "BAD_RESPONSE" | "TIMEOUT";
export type ApiErrorCode = ErrorCode | ClientErrorCode;

const ErrorEnvelope = z.object({
  error: z.object({
    code: z.string(),
    message: z.string().default(""),
    details: z.record(z.string(), z.unknown()).optional(),
  }),
});

function isErrorCode(code: string): code is ErrorCode {
  return ERROR_CODES.some((c) => c === code);
}

export class ApiError extends Error {
  override readonly name = "ApiError";
  readonly status: number;
  readonly code: ApiErrorCode;
  readonly details: Record<string, unknown>;
  /** Seconds to wait before retrying (429), from `details.retryAfterSeconds` or `Retry-After`. */
  readonly retryAfterSeconds: number | null;

  constructor(init: {
    status: number;
    code: ApiErrorCode;
    message: string;
    details?: Record<string, unknown>;
    retryAfterSeconds?: number | null;
  }) {
    super(init.message);
    this.status = init.status;
    this.code = init.code;
    this.details = init.details ?? {};
    this.retryAfterSeconds = init.retryAfterSeconds ?? null;
  }

  /**
   * Field errors from `details`, keyed by dotted path (`{"affiliation.name": ["Too short"]}`).
   * Only string or string-array values count; other details (e.g. `retryAfterSeconds`) are skipped.
   */
  get fieldErrors(): Record<string, string> {
    const out: Record<string, string> = {};
    for (const [path, value] of Object.entries(this.details)) {
      if (typeof value === "string" && value) out[path] = value;
      else if (Array.isArray(value)) {
        const first = value.find((v): v is string => typeof v === "string" && v.length > 0);
        if (first) out[path] = first;
      }
    }
    return out;
  }
}

/** The same error from a socket command's `{ok:false,error}` ack, or a missing ack (TIMEOUT). */
export function apiErrorFromAck(error: ErrorBody | null, timeoutMs?: number): ApiError {
  if (!error)
    return new ApiError({ status: 0, code: "TIMEOUT", message: `No answer within ${timeoutMs} ms` });
  const retry = error.details?.retryAfterSeconds;
  return new ApiError({
    status: ERROR_STATUS[error.code] ?? 500,
    code: isErrorCode(error.code) ? error.code : "INTERNAL",
    message: error.message,
    details: error.details,
    retryAfterSeconds: typeof retry === "number" && Number.isFinite(retry) ? Math.ceil(retry) : null,
  });
}

export function isApiError(e: unknown): e is ApiError {
  return e instanceof ApiError;
}

function parseRetryAfter(details: Record<string, unknown> | undefined, header: string | null): number | null {
  const fromDetails = details?.retryAfterSeconds;
  if (typeof fromDetails === "number" && Number.isFinite(fromDetails) && fromDetails >= 0) {
    return Math.ceil(fromDetails);
  }
  if (header) {
    const seconds = Number(header);
    if (Number.isFinite(seconds) && seconds >= 0) return Math.ceil(seconds);
    const date = Date.parse(header);
    if (!Number.isNaN(date)) return Math.max(0, Math.ceil((date - Date.now()) / 1000));
  }
  return null;
}

async function readJson(res: Response): Promise<unknown> {
  const text = await res.text();
  if (!text) return undefined;
  try {
    const parsed: unknown = JSON.parse(text);
    return parsed;
  } catch {
    return undefined;
  }
}

/** Builds the `ApiError` for a non-2xx response. Exported for tests and for non-JSON callers. */
export async function errorFromResponse(res: Response): Promise<ApiError> {
  const body = await readJson(res);
  const envelope = ErrorEnvelope.safeParse(body);
  const retryHeader = res.headers.get("Retry-After");
  if (envelope.success) {
    const { code, message, details } = envelope.data.error;
    return new ApiError({
      status: res.status,
      code: isErrorCode(code) ? code : fallbackCode(res.status),
      message,
      details,
      retryAfterSeconds: parseRetryAfter(details, retryHeader),
    });
  }
  return new ApiError({
    status: res.status,
    code: fallbackCode(res.status),
    message: res.statusText || `HTTP ${res.status}`,
    retryAfterSeconds: parseRetryAfter(undefined, retryHeader),
  });
}

/** A sensible code for a response without a recognisable error body (e.g. a proxy's HTML page). */
function fallbackCode(status: number): ErrorCode {
  switch (status) {
    case 400:
      return "VALIDATION";
    case 401:
      return "UNAUTHENTICATED";
    case 403:
      return "FORBIDDEN";
    case 404:
      return "NOT_FOUND";
    case 409:
      return "CONFLICT";
    case 413:
      return "PAYLOAD_TOO_LARGE";
    case 429:
      return "RATE_LIMITED";
    default:
      return "INTERNAL";
  }
}

export type Query = Record<string, string | number | boolean | null | undefined>;

export interface RequestOptions {
  query?: Query;
  body?: unknown;
  signal?: AbortSignal;
}

function buildUrl(path: string, query?: Query): string {
  const url = `/api${path.startsWith("/") ? path : `/${path}`}`;
  if (!query) return url;
  const params = new URLSearchParams();
  for (const [k, v] of Object.entries(query)) {
    if (v === undefined || v === null || v === "") continue;
    params.set(k, String(v));
  }
  const qs = params.toString();
  return qs ? `${url}?${qs}` : url;
}

type UnauthenticatedListener = (path: string) => void;
let unauthenticatedListener: UnauthenticatedListener | null = null;

/** Called when any request answers 401, so the store can drop a session that expired server-side. */
export function onUnauthenticated(listener: UnauthenticatedListener | null): void {
  unauthenticatedListener = listener;
}

async function send(method: string, path: string, opts: RequestOptions): Promise<Response> {
  const headers: Record<string, string> = { Accept: "application/json" };
  const init: RequestInit = { method, headers, credentials: "same-origin", signal: opts.signal };
  if (opts.body !== undefined) {
    headers["Content-Type"] = "application/json";
    init.body = JSON.stringify(opts.body);
  }
  const url = buildUrl(path, opts.query);
  let res: Response;
  try {
    res = await fetch(url, init);
  } catch (e) {
    if (e instanceof DOMException && e.name === "AbortError") throw e;
    // Offline: a read this person made before is answered from this device (see offline/dataCache).
    const kept = method === "GET" ? await recall(url) : null;
    if (kept) return kept;
    throw new ApiError({
      status: 0,
      code: "NETWORK",
      message: e instanceof Error ? e.message : "Network error",
    });
  }
  markFresh();
  if (method === "GET" && res.ok) void remember(url, res.clone());
  if (res.status === 401 && path === "/auth/me") void forgetOfflineUser();
  if (!res.ok) {
    const err = await errorFromResponse(res);
    if (res.status === 401) unauthenticatedListener?.(path);
    throw err;
  }
  return res;
}

/** A request whose 2xx body must match `schema`. */
export async function request<S extends z.ZodType>(
  method: "GET" | "POST" | "PATCH" | "PUT" | "DELETE",
  path: string,
  schema: S,
  opts: RequestOptions = {},
): Promise<z.output<S>> {
  const res = await send(method, path, opts);
  const body = await readJson(res);
  const parsed = schema.safeParse(body);
  if (!parsed.success) {
    throw new ApiError({
      status: res.status,
      code: "BAD_RESPONSE",
      message: `Unexpected response from ${method} ${path}`,
      details: { issues: parsed.error.issues.map((i) => `${i.path.join(".")}: ${i.message}`) },
    });
  }
  return parsed.data;
}
