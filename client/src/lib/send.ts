import type { z } from "zod";
import { pathParams, type Ack, type Command, type CommandInput, type CommandOutput } from "@rembuk/shared";
import { ApiError, apiErrorFromAck, request, type Query } from "./api";
import { COMMAND_TIMEOUT_MS, getSocket } from "./socket";

export interface SendOptions {
  signal?: AbortSignal;
  /** Socket ack timeout (a REST call is bounded by the browser). */
  timeoutMs?: number;
}

/**
 * The one way the client runs a command (shared/src/commands). A command with a socket path goes
 * over the socket while it is connected (no request headers, no session lookup: the hot paths),
 * otherwise over REST; either way the caller gets the command's output, validated by its schema,
 * or an `ApiError` (the only error type, whatever the transport).
 */
export async function send<C extends Command>(
  command: C,
  input: CommandInput<C>,
  opts: SendOptions = {},
): Promise<CommandOutput<C>> {
  if (command.socket && (!command.http || transport.connected())) {
    return viaSocket(command, input, opts.timeoutMs ?? COMMAND_TIMEOUT_MS);
  }
  return viaRest(command, input, opts.signal);
}

/**
 * The socket as `send` uses it. Tests swap it (`setSendTransport`) to script acks and the connection
 * state without replacing modules the store has already loaded; REST is faked at `fetch` instead.
 */
export interface SocketTransport {
  connected(): boolean;
  /** Resolves with the ack; rejects when none arrives within `timeoutMs`. */
  emitWithAck(event: string, payload: unknown, timeoutMs: number): Promise<Ack<unknown>>;
}

/** Socket.io's emit as `send` uses it: the event comes from the declaration, not the typed map. */
interface LooseEmitter {
  timeout(ms: number): { emitWithAck(event: string, payload: unknown): Promise<Ack<unknown>> };
}

const liveSocket: SocketTransport = {
  connected: () => getSocket().connected,
  emitWithAck: (event, payload, timeoutMs) =>
    (getSocket() as unknown as LooseEmitter).timeout(timeoutMs).emitWithAck(event, payload),
};

let transport: SocketTransport = liveSocket;

/** Replace the socket `send` talks to (tests); `null` puts the real one back. */
export function setSendTransport(next: SocketTransport | null): void {
  transport = next ?? liveSocket;
}

/**
 * Whether socket commands go over the socket now. Joins and typing ask first: a socket-only
 * command sent while disconnected would only wait in socket.io's buffer.
 */
export function socketConnected(): boolean {
  return transport.connected();
}

/**
 * The address of a GET command, for a link the browser follows itself: a CSV download, sent with the
 * session cookie, whose answer is a file rather than a body to parse.
 */
export function commandUrl<C extends Command>(command: C, input: CommandInput<C>): string {
  const { path, rest } = bindPath(command.http!.path, input);
  const params = new URLSearchParams();
  for (const [k, v] of Object.entries(rest))
    if (v !== undefined && v !== null && v !== "") params.set(k, String(v));
  const qs = params.toString();
  return `/api${path}${qs ? `?${qs}` : ""}`;
}

/** Fills the path's `:params` from the input; what is left goes in the query or the body. */
function bindPath(template: string, input: object): { path: string; rest: Record<string, unknown> } {
  const rest: Record<string, unknown> = { ...input };
  let path = template;
  for (const name of pathParams(template)) {
    path = path.replace(`:${name}`, encodeURIComponent(String(rest[name])));
    delete rest[name];
  }
  return { path, rest };
}

function viaRest<C extends Command>(command: C, input: CommandInput<C>, signal?: AbortSignal) {
  const http = command.http!;
  const { path, rest } = bindPath(http.path, input);
  const opts = http.method === "GET" ? { query: rest as Query, signal } : { body: rest, signal };
  return request(http.method, path, command.output, opts) as Promise<CommandOutput<C>>;
}

async function viaSocket<C extends Command>(command: C, input: CommandInput<C>, timeoutMs: number) {
  const binding = command.socket!;
  let res: Ack<unknown>;
  try {
    res = await transport.emitWithAck(binding.event, input, timeoutMs);
  } catch {
    throw apiErrorFromAck(null, timeoutMs);
  }
  if (!res.ok) throw apiErrorFromAck(res.error);
  const body = binding.ack ? { [binding.ack]: res.data } : res.data;
  const parsed = (command.output as z.ZodType).safeParse(body);
  if (!parsed.success) {
    throw new ApiError({ status: 0, code: "BAD_RESPONSE", message: `Unexpected ack for ${binding.event}` });
  }
  return parsed.data as CommandOutput<C>;
}
