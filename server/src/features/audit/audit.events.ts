import type { Types } from "mongoose";
import type { ModActionKind, ModTargetType } from "@rembuk/shared";
import type { Actor } from "../../lib/actor.js";

/**
 * One row for the moderation audit log. Features below moderation (users, rooms, posts, practices) announce
 * what a moderator or admin did with `domainEvents.emit("audit.modAction", entry)`; moderation
 * records it (`recordModAction`) and shows it live. Features above moderation call it directly.
 */
export interface ModActionEntry {
  /** Null for the system. */
  actor: Actor | null;
  action: ModActionKind;
  target: { type: ModTargetType; id: Types.ObjectId | string; label: string };
  room?: { _id: Types.ObjectId; slug: string } | null;
  /** A move: the room the target went to. */
  toRoom?: { _id: Types.ObjectId } | null;
  threadId?: Types.ObjectId | string | null;
  reason?: string | null;
  before?: Record<string, unknown> | null;
  after?: Record<string, unknown> | null;
}

declare module "../../lib/events.js" {
  interface DomainEvents {
    "audit.modAction": ModActionEntry;
  }
}
