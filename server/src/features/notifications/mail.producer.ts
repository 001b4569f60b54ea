import { Types } from "mongoose";
import { enqueueRendered } from "../mail/index.js";
import { loadUserSummaries, toActor, User } from "../users/index.js";
import { Notification, type NotificationRecord } from "./notification.model.js";
import { lineFor, renderNotificationMail } from "./notification.mail.js";
import { loadSettings, settingsOf } from "./notification.service.js";
import { enqueueJob } from "./notification.queue.js";
import { unsubscribeParts } from "./notification.unsubscribe.js";
import { stillVisible } from "./notification.visible.js";
import { NotifySettings } from "./notifySettings.model.js";
import type { NotifyJobRecord } from "./notifyJob.model.js";

/** A mention or direct reply not seen in the app within this long is emailed. */
export const UNSEEN_MAIL_DELAY_MS = 5 * 60 * 1000;
const DAY_MS = 24 * 60 * 60 * 1000;
/** At most this many lines in a digest; the rest wait in the inbox. */
const DIGEST_LINES = 20;

const USER_FIELDS = {
  email: 1,
  locale: 1,
  name: 1,
  emailConfirmed: 1,
  role: 1,
  verified: 1,
  affiliation: 1,
  suspendedUntil: 1,
} as const;

/** Schedule the "still unseen?" check for entries that may deserve an immediate email. */
export async function scheduleUnseenMail(eventKey: string, recipients: readonly string[]): Promise<void> {
  for (const userId of recipients)
    await enqueueJob("mail.unseen", `mail:${eventKey}:${userId}`, { userId, eventKey }, UNSEEN_MAIL_DELAY_MS);
}

/**
 * At sending time: still unread, never mailed, the person wants such mail, and may still see it.
 * `mailedAt` is claimed before the message is queued, so a replay never mails twice.
 */
export async function produceUnseenMail(job: NotifyJobRecord): Promise<void> {
  const userId = String(job.payload.userId);
  const n = await Notification.findOne({
    userId: new Types.ObjectId(userId),
    eventKeys: String(job.payload.eventKey),
  }).lean();
  if (!n || n.readAt || n.mailedAt) return;
  const [settings, user] = await Promise.all([
    loadSettings(userId),
    User.findById(userId, USER_FIELDS).lean(),
  ]);
  if (!settings.email.mentions || !user?.emailConfirmed) return;
  if (!(await stillVisible(toActor(user), n))) return;
  const claimed = await Notification.updateOne(
    { _id: n._id, mailedAt: null },
    { $set: { mailedAt: new Date() } },
  );
  if (claimed.modifiedCount === 0) return;
  const actors = await loadUserSummaries([n.actorId]);
  const line = lineFor(user.locale, n, n.actorId ? (actors.get(n.actorId.toString())?.name ?? null) : null);
  const links = unsubscribeParts(userId, "mentions");
  await enqueueRendered(
    "notification",
    { email: user.email, locale: user.locale, name: user.name, userId },
    renderNotificationMail(user.locale, user.name, [line], { digest: false, settingsUrl: links.settingsUrl }),
    links.headers,
  );
}

/** The day's digest run, once per day across every process (the job key is the day). */
export async function scheduleDigest(now = new Date()): Promise<void> {
  // Keyed by the UTC day: the hourly check after midnight UTC (07:00 in Jakarta) queues it, so the
  // digest is there when the working day starts.
  const day = now.toISOString().slice(0, 10);
  await enqueueJob("digest", `digest:${day}`, { day });
}

/**
 * Everyone due a digest (daily: a day since the last; weekly, the default: a week) with unread
 * entries they may still see gets one email of them, newest first.
 */
export async function sendDigests(now = new Date()): Promise<number> {
  const since = new Date(now.getTime() - 7 * DAY_MS);
  const candidates = (await Notification.distinct("userId", { readAt: null, lastAt: { $gte: since } })).map(
    String,
  );
  const settings = await settingsOf(candidates);
  const sentAt = new Map(
    (
      await NotifySettings.find(
        { userId: { $in: candidates.map((id) => new Types.ObjectId(id)) } },
        { userId: 1, digestSentAt: 1 },
      ).lean()
    ).map((r) => [r.userId.toString(), r.digestSentAt]),
  );
  let sent = 0;
  for (const userId of candidates) {
    const digest = settings.get(userId)?.email.digest ?? "weekly";
    if (digest === "off") continue;
    const period = digest === "daily" ? DAY_MS : 7 * DAY_MS;
    const last = sentAt.get(userId) ?? null;
    // Half a day of slack, so a run a little earlier than yesterday's still counts as a day later.
    if (last && now.getTime() - last.getTime() < period - DAY_MS / 2) continue;
    const from = new Date(Math.max(now.getTime() - period, last?.getTime() ?? 0));
    if (await sendDigest(userId, from)) sent++;
    await NotifySettings.updateOne(
      { userId: new Types.ObjectId(userId) },
      { $set: { digestSentAt: now } },
      { upsert: true },
    );
  }
  return sent;
}

async function sendDigest(userId: string, from: Date): Promise<boolean> {
  const user = await User.findById(userId, USER_FIELDS).lean();
  if (!user?.emailConfirmed) return false;
  const rows = await Notification.find({
    userId: new Types.ObjectId(userId),
    readAt: null,
    lastAt: { $gt: from },
  })
    .sort({ lastAt: -1 })
    .limit(DIGEST_LINES * 2)
    .lean<NotificationRecord[]>();
  const actor = toActor(user);
  const visible: NotificationRecord[] = [];
  for (const n of rows) if (visible.length < DIGEST_LINES && (await stillVisible(actor, n))) visible.push(n);
  if (visible.length === 0) return false;
  const actors = await loadUserSummaries(visible.map((n) => n.actorId));
  const lines = visible.map((n) =>
    lineFor(user.locale, n, n.actorId ? (actors.get(n.actorId.toString())?.name ?? null) : null),
  );
  const links = unsubscribeParts(userId, "digest");
  await enqueueRendered(
    "digest",
    { email: user.email, locale: user.locale, name: user.name, userId },
    renderNotificationMail(user.locale, user.name, lines, { digest: true, settingsUrl: links.settingsUrl }),
    links.headers,
  );
  return true;
}
