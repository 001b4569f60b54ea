import type { Socket } from "socket.io";
import type { z } from "zod";
import type { Ack, ClientToServerEvents, ServerToClientEvents, SocketData } from "@rembuk/shared";
import type { Actor } from "../actor.js";
import { toErrorResponse } from "../errors.js";
import { consume, type LimitName } from "../rateLimit.js";
import { zodToAppError } from "../zodErrors.js";
import { logger } from "../logger.js";
import { hasNul, nulError } from "../nulBytes.js";

export type IoSocket = Socket<ClientToServerEvents, ServerToClientEvents, Record<string, never>, SocketData>;

/**
 * Whose budget a command spends: the member, else the Q&A guest device (its first guest
 * participant; the Q&A handlers also spend a per-address budget), else the address.
 */
export function budgetKey(socket: IoSocket): string {
  const guest = socket.data.qaGuests?.[0];
  return socket.data.userId ?? (guest ? `guest:${guest.participantId}` : `ip:${socket.data.address}`);
}

type ActorLoader = (userId: string | null) => Promise<Actor | null>;
let loadActor: ActorLoader = () => {
  throw new Error("No actor loader installed (createIo installs the users feature's)");
};

/** lib knows no feature: the composition root hands over how a socket's user becomes an Actor. */
export function setActorLoader(loader: ActorLoader): void {
  loadActor = loader;
}

export interface HandlerSpec<S extends z.ZodType, R> {
  schema: S;
  /** Which budget each call spends; writes use `write`, shared with REST. */
  limit: LimitName;
  run: (ctx: { input: z.infer<S>; actor: Actor | null; socket: IoSocket }) => Promise<R>;
}

/**
 * Wrap a socket command: ignore calls without an ack, spend a rate-limit point, parse the payload
 * with its shared schema, run the service, and ack `{ok,data}` or `{ok:false,error}`. Nothing thrown
 * escapes to Socket.io, so a bad client can never crash the process.
 */
export function defineHandler<S extends z.ZodType, R>(socket: IoSocket, spec: HandlerSpec<S, R>) {
  return async (payload: unknown, reply?: (res: Ack<R>) => void): Promise<void> => {
    if (typeof reply !== "function") return;
    try {
      await consume(spec.limit, budgetKey(socket));
      if (hasNul(payload)) throw nulError();
      const parsed = spec.schema.safeParse(payload ?? {});
      if (!parsed.success) throw zodToAppError(parsed.error);
      const actor = await loadActor(socket.data.userId);
      reply({ ok: true, data: await spec.run({ input: parsed.data, actor, socket }) });
    } catch (err) {
      const { body, unexpected } = toErrorResponse(err);
      if (unexpected) logger.error({ err, socketId: socket.id }, "socket handler failed");
      reply({ ok: false, error: body });
    }
  };
}
