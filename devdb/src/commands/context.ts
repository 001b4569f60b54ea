import type { Document } from "bson";
import type { ConnectionAuth, Users } from "../auth/users.js";
import type { CursorRegistry } from "../cursors.js";
import type { Deadline } from "./deadline.js";
import type { Engine } from "../storage/engine.js";

export interface ServerStats {
  startedAt: Date;
  connectionsCurrent: number;
  connectionsTotal: number;
  opcounters: Record<"insert" | "query" | "update" | "delete" | "getmore" | "command", number>;
}

export interface CommandContext {
  /** The `$db` of the request. */
  db: string;
  engine: Engine;
  cursors: CursorRegistry;
  connectionId: number;
  stats: ServerStats;
  users: Users;
  /** This connection's authentication state. */
  auth: ConnectionAuth;
  /** Test-only switches (`configureFailPoint`), present when test commands are enabled. */
  failPoints: FailPoints | null;
  /** Size of the request message: no document in a smaller one can pass the 16 MiB limit. */
  messageBytes?: number;
  /** The running command's `maxTimeMS` budget, if it has one. */
  deadline?: Deadline | null;
}

export interface FailPoints {
  /** mongod's `maxTimeAlwaysTimeOut`: any operation with a maxTimeMS times out at its first check. */
  maxTimeAlwaysTimeOut: boolean;
}

/** A reply document, or a reply already encoded as BSON (cursor batches). */
export type Reply = Document | Uint8Array;

export type CommandHandler = (cmd: Document, ctx: CommandContext) => Reply | Promise<Reply>;
