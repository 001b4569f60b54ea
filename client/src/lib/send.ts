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
  const socket = command.socket ? getSocket() : null;
  if (command.socket && (!command.http || socket?.connected)) {
    return viaSocket(command, input, opts.timeoutMs ?? COMMAND_TIMEOUT_MS);
  }
  return viaRest(command, input, opts.signal);
}

function viaRest<C extends Command>(command: C, input: CommandInput<C>, signal?: AbortSignal) {
  const http = command.http!;
  const rest: Record<string, unknown> = { ...(input as Record<string, unknown>) };
  let path = http.path;
  for (const name of pathParams(http.path)) {
    path = path.replace(`:${name}`, encodeURIComponent(String(rest[name])));
    delete rest[name];
  }
  const opts = http.method === "GET" ? { query: rest as Query, signal } : { body: rest, signal };
  return request(http.method, path, command.output, opts) as Promise<CommandOutput<C>>;
}

/** Socket.io's emit as `send` uses it: the event comes from the declaration, not the typed map. */
interface LooseEmitter {
  timeout(ms: number): { emitWithAck(event: string, payload: unknown): Promise<Ack<unknown>> };
}

async function viaSocket<C extends Command>(command: C, input: CommandInput<C>, timeoutMs: number) {
  const binding = command.socket!;
  let res: Ack<unknown>;
  try {
    res = await (getSocket() as unknown as LooseEmitter).timeout(timeoutMs).emitWithAck(binding.event, input);
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
