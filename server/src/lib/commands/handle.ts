import type { Request, Response } from "express";
import type { z } from "zod";
import type { Command, CommandParsedInput } from "@rembuk/shared";
import type { Actor } from "../actor.js";
import type { IoSocket } from "../realtime/defineHandler.js";
import { unauthenticated } from "../errors.js";

/** How the call arrived: a few commands need the transport itself (cookies, a socket's rooms). */
export type Transport = { kind: "http"; req: Request; res: Response } | { kind: "socket"; socket: IoSocket };

export interface CommandContext {
  /** The signed-in caller, or null (a guest; never null for `auth: "member"` commands). */
  actor: Actor | null;
  /** The signed-in caller, or 401: how a members-only handler reads `actor` without a cast. */
  member(): Actor;
  transport: Transport;
}

export function commandContext(actor: Actor | null, transport: Transport): CommandContext {
  return {
    actor,
    transport,
    member: () => {
      if (!actor) throw unauthenticated();
      return actor;
    },
  };
}

const REPLY = Symbol("reply");

/** A success answered with another status than the command's default (201 vs 200 on a retry). */
export interface Reply<T> {
  [REPLY]: true;
  status: number;
  body: T;
}

export function reply<T>(status: number, body: T): Reply<T> {
  return { [REPLY]: true, status, body };
}

export function isReply(value: unknown): value is Reply<unknown> {
  return typeof value === "object" && value !== null && REPLY in value;
}

export type Handler<C extends Command> = (
  input: CommandParsedInput<C>,
  ctx: CommandContext,
) => Promise<z.input<C["output"]> | Reply<z.input<C["output"]>>>;

/** A command with the service call that answers it: what the transports mount. */
export interface BoundCommand<C extends Command = Command> {
  command: C;
  run: Handler<C>;
}

/** Binds a command to its service call; a feature lists its bound commands in its front door. */
export function handle<C extends Command>(command: C, run: Handler<C>): BoundCommand {
  return { command, run: run as Handler<Command> } as BoundCommand;
}
