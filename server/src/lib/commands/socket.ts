import { z } from "zod";
import { effectiveAuth, type Command, type CommandParsedInput, type RateLimitBucket } from "@rembuk/shared";
import { parseOrThrow } from "../zodErrors.js";
import { unauthenticated } from "../errors.js";
import { defineHandler, type IoSocket } from "../realtime/defineHandler.js";
import { commandContext, isReply, type BoundCommand } from "./handle.js";

/**
 * Registers the socket path of every command that has one. The handler is the same service call as
 * the REST route; `socket.ack` narrows the ack to one field of the output where DESIGN.md §4 fixes
 * a bare DTO.
 */
export function registerCommandSockets(socket: IoSocket, bound: readonly BoundCommand[]): void {
  for (const { command, run } of bound) {
    const binding = command.socket;
    if (!binding) continue;
    const auth = effectiveAuth(command);
    const limit: RateLimitBucket = binding.limit ?? command.limit ?? "write";
    socket.on(
      binding.event as never,
      defineHandler(socket, {
        schema: z.record(z.string(), z.unknown()),
        limit,
        run: async ({ input: payload, actor }) => {
          if (auth === "member" && !actor) throw unauthenticated();
          const input = parseSocketInput(command, payload);
          const result = await run(input, commandContext(actor, { kind: "socket", socket }));
          const body: unknown = isReply(result) ? result.body : result;
          return binding.ack ? (body as Record<string, unknown>)[binding.ack] : body;
        },
      }),
    );
  }
}

/** A socket payload carries the path parameters declared apart (`params`) beside the input. */
function parseSocketInput(command: Command, payload: Record<string, unknown>): CommandParsedInput<Command> {
  if (!command.params) return parseOrThrow(command.input, payload) as CommandParsedInput<Command>;
  const rest = { ...payload };
  const apart: Record<string, unknown> = {};
  for (const key of Object.keys(command.params)) {
    apart[key] = rest[key];
    delete rest[key];
  }
  return {
    ...(parseOrThrow(command.input, rest) as object),
    ...parseOrThrow(z.object(command.params), apart),
  } as CommandParsedInput<Command>;
}
