import type { z } from "zod";
import type { ErrorCode } from "../errors.js";

/**
 * One declaration per command (docs/architecture.md, "Commands"). The server derives its REST route,
 * its socket handler (when `socket` is given) and its OpenAPI entry from this object; the client's
 * `send(command, input)` derives the request from it. Nothing else describes a command.
 */
export type HttpMethod = "GET" | "POST" | "PUT" | "PATCH" | "DELETE";

/**
 * `member`: a signed-in account, 401 UNAUTHENTICATED otherwise (checked before anything else).
 * `anyone`: guests too; the service decides what a guest may do (reads, Q&A guests, sign-in).
 */
export type CommandAuth = "member" | "anyone";

/** The rate-limit budgets of server/src/lib/rateLimit.ts a command may spend. */
export type RateLimitBucket =
  | "write"
  | "read"
  | "qaQuestion"
  | "qaVote"
  | "qaJoin"
  | "qaGuestAddress"
  | "qaPoll"
  | "typing"
  | "mailAddress"
  | "mailRecipient"
  | "register";

export interface HttpBinding {
  method: HttpMethod;
  /**
   * Express-style path under `/api`. Every `:param` is a key of the input schema; the rest of the
   * input travels as the query string (GET) or the JSON body (every other method).
   */
  path: string;
  /** Success status; 200 unless said. A handler may answer another one with `reply(status, body)`. */
  status?: number;
  /** A non-JSON success body (CSV downloads): the output schema is then a string. */
  contentType?: string;
  /** `Cache-Control` for a GET whose answer is the same for everyone; Express adds the ETag. */
  cache?: string;
}

export interface SocketBinding {
  /** The Socket.io event (`entity:verb`, DESIGN.md §4). */
  event: string;
  /**
   * The ack carries `output[ack]` instead of the whole output, where §4 fixes a bare DTO
   * (`post:create` → `Ack<PostDto>`); the client wraps it back, so callers see one shape.
   */
  ack?: string;
  /** A different budget over the socket (joins spend `read`, where their REST twin spends none). */
  limit?: RateLimitBucket;
}

export interface CommandSpec<
  I extends z.ZodType = z.ZodType,
  O extends z.ZodType = z.ZodType,
  P extends ParamsShape = ParamsShape,
> {
  /** `feature.verb`, unique; also the OpenAPI operationId. */
  name: string;
  /** One line for the published contract. */
  summary: string;
  /**
   * The path parameters' schemas, when they are not keys of `input` (an input with refinements
   * cannot be extended). The handler and `send` see them merged into the input.
   */
  params?: P;
  input: I;
  output: O;
  /** Default: `member` for writes, `anyone` for GET and socket-only commands. */
  auth?: CommandAuth;
  /** Default: `write` for HTTP writes, none for GET; null spends none (the service limits itself). */
  limit?: RateLimitBucket | null;
  /** Error codes worth documenting beyond VALIDATION/UNAUTHENTICATED/RATE_LIMITED. */
  errors?: readonly ErrorCode[];
  http?: HttpBinding;
  /**
   * A socket path, kept only where it pays (hot paths and live subscriptions; the list and the
   * reasons are in docs/architecture.md).
   */
  socket?: SocketBinding;
}

export type ParamsShape = Record<string, z.ZodType>;

export type Command<
  I extends z.ZodType = z.ZodType,
  O extends z.ZodType = z.ZodType,
  P extends ParamsShape = ParamsShape,
> = Readonly<CommandSpec<I, O, P>>;

type ParamsOf<C> = C extends { params?: infer P }
  ? P extends ParamsShape
    ? P
    : Record<never, never>
  : never;

/** What a caller passes: the input plus the path parameters declared apart. */
export type CommandInput<C extends Command> = z.input<C["input"]> & {
  [K in keyof ParamsOf<C>]: z.input<ParamsOf<C>[K]>;
};
/** What a handler receives: the parsed input plus the parsed path parameters declared apart. */
export type CommandParsedInput<C extends Command> = z.output<C["input"]> & {
  [K in keyof ParamsOf<C>]: z.output<ParamsOf<C>[K]>;
};
export type CommandOutput<C extends Command> = z.output<C["output"]>;

/** Names of the `:params` in an Express-style path. */
export function pathParams(path: string): string[] {
  return [...path.matchAll(/:([A-Za-z_][A-Za-z0-9_]*)/g)].map((m) => m[1]!);
}

/**
 * Declares a command. Throws at import time (so every test run catches it) when it has no transport
 * or its path names a parameter the input schema lacks.
 */
export function defineCommand<
  I extends z.ZodType,
  O extends z.ZodType,
  P extends ParamsShape = Record<never, never>,
>(spec: CommandSpec<I, O, P>): Command<I, O, P> {
  if (!spec.http && !spec.socket) throw new Error(`command ${spec.name}: needs an http or a socket binding`);
  if (spec.http) {
    const shape = { ...objectShape(spec.input), ...spec.params };
    for (const param of pathParams(spec.http.path)) {
      if (!(param in shape)) {
        throw new Error(`command ${spec.name}: path parameter :${param} is not in its input schema`);
      }
    }
  }
  return Object.freeze(spec);
}

/** The keys of an object schema (through `.refine`/pipes), or null when the input is not an object. */
export function objectShape(schema: z.ZodType): Record<string, z.ZodType> | null {
  const def = (schema as unknown as { _zod: { def: ZodDefLike } })._zod.def;
  if (def.type === "object" && def.shape) return def.shape;
  if (def.type === "pipe" && def.in) return objectShape(def.in);
  return null;
}

interface ZodDefLike {
  type: string;
  shape?: Record<string, z.ZodType>;
  in?: z.ZodType;
}

export function effectiveAuth(command: Command): CommandAuth {
  return command.auth ?? (command.http && command.http.method !== "GET" ? "member" : "anyone");
}

export function effectiveLimit(command: Command): RateLimitBucket | null {
  if (command.limit !== undefined) return command.limit;
  return command.http && command.http.method !== "GET" ? "write" : null;
}
