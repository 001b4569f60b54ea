import type { Document } from "bson";
import type { CursorRegistry } from "../cursors.js";
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
}

/** A reply document, or a reply already encoded as BSON (cursor batches). */
export type Reply = Document | Uint8Array;

export type CommandHandler = (cmd: Document, ctx: CommandContext) => Reply | Promise<Reply>;
