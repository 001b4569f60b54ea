import { Types } from "mongoose";
import type {
  NotificationList,
  NotificationListQuery,
  NotificationReadInput,
  NotificationSettingsDto,
  NotificationSettingsPatch,
} from "@rembuk/shared";
import { validation } from "../../lib/errors.js";
import { Notification } from "./notification.model.js";
import { presentNotifications } from "./notification.presenter.js";
import { DEFAULT_SETTINGS, NotifySettings } from "./notifySettings.model.js";

const oid = (id: string) => new Types.ObjectId(id);

export const unreadCount = (userId: string) =>
  Notification.countDocuments({ userId: oid(userId), readAt: null });

/** Cursor `<lastAt ms>_<id>`: the inbox is ordered by the latest event, which a collapse moves. */
function parseCursor(cursor: string): { at: Date; id: Types.ObjectId } {
  const m = /^(\d{1,15})_([a-f0-9]{24})$/.exec(cursor);
  if (!m) throw validation("Malformed cursor", { cursor: ["Malformed cursor"] });
  return { at: new Date(Number(m[1])), id: oid(m[2]!) };
}

/** `GET /notifications`: newest first, with the unread count. */
export async function listNotifications(
  userId: string,
  query: NotificationListQuery,
): Promise<NotificationList> {
  const filter: Record<string, unknown> = { userId: oid(userId) };
  if (query.unread) filter.readAt = null;
  if (query.cursor) {
    const { at, id } = parseCursor(query.cursor);
    filter.$or = [{ lastAt: { $lt: at } }, { lastAt: at, _id: { $lt: id } }];
  }
  const [rows, unread] = await Promise.all([
    Notification.find(filter)
      .sort({ lastAt: -1, _id: -1 })
      .limit(query.limit + 1)
      .lean(),
    unreadCount(userId),
  ]);
  const page = rows.slice(0, query.limit);
  const last = page[page.length - 1];
  return {
    notifications: await presentNotifications(page),
    unread,
    nextCursor: rows.length > query.limit && last ? `${last.lastAt.getTime()}_${last._id.toString()}` : null,
  };
}

/** `POST /notifications/read`: only the caller's own entries; ids of others' change nothing. */
export async function markRead(userId: string, input: NotificationReadInput): Promise<{ unread: number }> {
  const filter: Record<string, unknown> = { userId: oid(userId), readAt: null };
  if (!input.all) filter._id = { $in: (input.ids ?? []).map(oid) };
  await Notification.updateMany(filter, { $set: { readAt: new Date() } });
  return { unread: await unreadCount(userId) };
}

export async function loadSettings(userId: string): Promise<NotificationSettingsDto> {
  const row = await NotifySettings.findOne({ userId: oid(userId) }).lean();
  return { email: { ...DEFAULT_SETTINGS.email, ...(row?.email ?? {}) } };
}

/** Settings of many people at once (the mail producers). */
export async function settingsOf(userIds: readonly string[]): Promise<Map<string, NotificationSettingsDto>> {
  const rows = await NotifySettings.find({ userId: { $in: userIds.map(oid) } }).lean();
  const byUser = new Map(rows.map((r) => [r.userId.toString(), r]));
  return new Map(
    userIds.map((id) => [id, { email: { ...DEFAULT_SETTINGS.email, ...(byUser.get(id)?.email ?? {}) } }]),
  );
}

/** `PATCH /notifications/settings`: any subset. */
export async function updateSettings(
  userId: string,
  patch: NotificationSettingsPatch,
): Promise<{ settings: NotificationSettingsDto }> {
  const current = await loadSettings(userId);
  const email = { ...current.email, ...(patch.email ?? {}) };
  await NotifySettings.updateOne({ userId: oid(userId) }, { $set: { email } }, { upsert: true });
  return { settings: { email } };
}
