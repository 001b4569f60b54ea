import { effectiveAuth, type RateLimitBucket } from "@rembuk/shared";
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
        schema: command.input,
        limit,
        run: async ({ input, actor }) => {
          if (auth === "member" && !actor) throw unauthenticated();
          const result = await run(input, commandContext(actor, { kind: "socket", socket }));
          const body: unknown = isReply(result) ? result.body : result;
          return binding.ack ? (body as Record<string, unknown>)[binding.ack] : body;
        },
      }),
    );
  }
}
