import { Types } from "mongoose";
import type { NotificationKind, NotificationTargetType } from "@rembuk/shared";
import { isDuplicateKeyError } from "../../lib/db.js";
import { publish } from "../../lib/realtime/publish.js";
import { rooms } from "../../lib/realtime/rooms.js";
import { Notification, type NotificationRecord } from "./notification.model.js";
import { presentNotifications } from "./notification.presenter.js";

/** Events of one kind on one thread within this window collapse into one unread entry. */
export const COLLAPSE_WINDOW_MS = 10 * 60 * 1000;
/**
 * Recipients written per round trip. Small enough that one batch's writes never hold the database
 * (the embedded one shares the process with requests) for long, so posts keep their latency.
 */
export const DELIVERY_BATCH = 100;

/** What one event means for its recipients (all of them get the same entry). */
export interface Draft {
  kind: NotificationKind;
  /** What happened inside the kind (`reply.post`, `post.rejected`, `adoption.piloting`…). */
  detail?: string;
  actorId: string | null;
  target: { type: NotificationTargetType; id: string; url: string };
  title?: string | null;
  reason?: string | null;
  /** Set for kinds that collapse (replies and watched posts per thread). */
  collapseKey?: string;
}

export interface Delivery {
  /** Unique per event; with the recipient, what makes delivery exactly once. */
  eventKey: string;
  draft: Draft;
  recipients: readonly string[];
}

const oid = (id: string) => new Types.ObjectId(id);

/**
 * Write one event's entries for its recipients, in batches, then tell each recipient's sockets.
 * Idempotent: recipients who already hold the event (a replay after a crash) are skipped; a
 * collapsible event first merges into the recipient's open entry (unread, same key, recent), and
 * only the rest get a new entry. Never to the actor themself.
 */
export async function deliver({ eventKey, draft, recipients }: Delivery, now = new Date()): Promise<number> {
  const unique = [...new Set(recipients)].filter((id) => id !== draft.actorId);
  let written = 0;
  for (let i = 0; i < unique.length; i += DELIVERY_BATCH) {
    written += await deliverBatch(eventKey, draft, unique.slice(i, i + DELIVERY_BATCH), now);
    // Let waiting requests run between batches: the fan-out is background work.
    await new Promise((resolve) => setImmediate(resolve));
  }
  return written;
}

async function deliverBatch(eventKey: string, draft: Draft, ids: string[], now: Date): Promise<number> {
  const held = new Set(
    (await Notification.distinct("userId", { userId: { $in: ids.map(oid) }, eventKeys: eventKey })).map(
      String,
    ),
  );
  let todo = ids.filter((id) => !held.has(id));
  if (todo.length === 0) return 0;
  const fields = {
    kind: draft.kind,
    detail: draft.detail ?? null,
    actorId: draft.actorId ? oid(draft.actorId) : null,
    target: draft.target,
    title: draft.title ?? null,
    reason: draft.reason ?? null,
    lastAt: now,
  };

  if (draft.collapseKey) {
    await Notification.updateMany(
      {
        userId: { $in: todo.map(oid) },
        collapseKey: draft.collapseKey,
        readAt: null,
        lastAt: { $gte: new Date(now.getTime() - COLLAPSE_WINDOW_MS) },
        eventKeys: { $ne: eventKey },
      },
      { $inc: { count: 1 }, $push: { eventKeys: eventKey }, $set: fields },
    );
    const merged = new Set(
      (await Notification.distinct("userId", { userId: { $in: todo.map(oid) }, eventKeys: eventKey })).map(
        String,
      ),
    );
    todo = todo.filter((id) => !merged.has(id));
  }

  if (todo.length > 0) {
    try {
      await Notification.insertMany(
        todo.map((id) => ({
          ...fields,
          userId: oid(id),
          count: 1,
          collapseKey: draft.collapseKey ?? null,
          key: eventKey,
          eventKeys: [eventKey],
          readAt: null,
          mailedAt: null,
        })),
        { ordered: false },
      );
    } catch (err) {
      // Another delivery of the same event got there first for some recipients: theirs stands.
      if (!isDuplicateKeyError(err)) throw err;
    }
  }

  const rows = await Notification.find({
    userId: { $in: ids.filter((id) => !held.has(id)).map(oid) },
    eventKeys: eventKey,
  }).lean<NotificationRecord[]>();
  const dtos = await presentNotifications(rows);
  rows.forEach((row, i) =>
    publish(rooms.user(row.userId.toString()), "notification:created", { notification: dtos[i]! }),
  );
  return rows.length;
}
