import { Types, type QueryFilter } from "mongoose";
import { type Locale, type MailKind, type OutboxListQuery, type OutboxMessageDto } from "@rembuk/shared";
import type { Actor } from "../../lib/actor.js";
import { notFound, conflict } from "../../lib/errors.js";
import { logger } from "../../lib/logger.js";
import { assertCan } from "../../lib/policy.js";
import { afterIdCursor, idCursor, pageOf } from "../../lib/cursor.js";
import { MailMessage, type MailRecord } from "./mail.model.js";
import { setMailLinkBase } from "./mail.links.js";
import { kickMailSender } from "./mail.sender.js";
import { renderMail, type MailVars, type TemplateKind } from "./mail.templates.js";

/** How mail leaves: set once by the app from SMTP_URL. */
let delivery: { smtp: boolean; outboxUrl: string } = { smtp: false, outboxUrl: "/admin/outbox" };

export function configureMail(opts: { smtp: boolean; publicUrl: string }): void {
  delivery = { smtp: opts.smtp, outboxUrl: `${opts.publicUrl}/admin/outbox` };
  setMailLinkBase(opts.publicUrl);
}

export const outboxUrl = () => delivery.outboxUrl;

export interface Recipient {
  email: string;
  locale: Locale;
  name: string;
  userId?: Types.ObjectId | string | null;
}

/**
 * Queue one message (written to the outbox inside the caller's request; delivered later by the
 * sender). Without SMTP_URL it is stored as `held`, and the console says where admins read it.
 */
export async function enqueueMail(
  kind: TemplateKind,
  to: Recipient,
  vars: Omit<MailVars, "name">,
): Promise<void> {
  await enqueueRendered(kind, to, renderMail(kind, to.locale, { ...vars, name: to.name }));
}

/**
 * Queue a message another feature rendered itself (notification mail and digests, whose bodies are
 * lists), with extra headers such as List-Unsubscribe.
 */
export async function enqueueRendered(
  kind: MailKind,
  to: Recipient,
  rendered: { subject: string; text: string; html: string },
  headers: Record<string, string> | null = null,
): Promise<void> {
  const now = new Date();
  const doc = await MailMessage.create({
    kind,
    to: to.email,
    userId: to.userId ? new Types.ObjectId(String(to.userId)) : null,
    ...rendered,
    headers,
    status: delivery.smtp ? "pending" : "held",
    nextAttemptAt: delivery.smtp ? now : null,
  });
  if (delivery.smtp) kickMailSender();
  else
    logger.info(
      { mailId: doc._id.toString(), kind, outbox: delivery.outboxUrl },
      `mail kept in the outbox (no SMTP_URL): ${delivery.outboxUrl}`,
    );
}

export function presentMail(m: MailRecord): OutboxMessageDto {
  return {
    id: m._id.toString(),
    kind: m.kind,
    to: m.to,
    subject: m.subject,
    text: m.text,
    html: m.html,
    status: m.status,
    attempts: m.attempts,
    lastError: m.lastError ?? null,
    createdAt: m.createdAt.toISOString(),
    sentAt: m.sentAt ? m.sentAt.toISOString() : null,
    nextAttemptAt: m.nextAttemptAt ? m.nextAttemptAt.toISOString() : null,
  };
}

/** `GET /admin/outbox` (admins): newest first. */
export async function listOutbox(actor: Actor | null, query: OutboxListQuery) {
  assertCan(actor, "mail.viewOutbox");
  const filter: QueryFilter<MailRecord> = {};
  if (query.status) filter.status = query.status;
  if (query.cursor) filter._id = afterIdCursor(query.cursor);
  const rows = await MailMessage.find(filter)
    .sort({ _id: -1 })
    .limit(query.limit + 1)
    .lean();
  const { page, nextCursor } = pageOf(rows, query.limit, idCursor);
  return {
    messages: page.map(presentMail),
    nextCursor,
    delivery: delivery.smtp ? ("smtp" as const) : ("outbox" as const),
  };
}

/** `POST /admin/outbox/:id/retry` (admins): a failed message goes back to the queue. */
export async function retryMail(actor: Actor | null, id: string): Promise<OutboxMessageDto> {
  assertCan(actor, "mail.viewOutbox");
  if (!delivery.smtp) throw conflict("No SMTP_URL is configured: messages stay in the outbox");
  const updated = await MailMessage.findOneAndUpdate(
    { _id: id, status: "failed" },
    { $set: { status: "pending", attempts: 0, nextAttemptAt: new Date(), lastError: null } },
    { returnDocument: "after" },
  ).lean();
  if (!updated) {
    if (await MailMessage.exists({ _id: id })) throw conflict("Only a failed message can be retried");
    throw notFound("Message");
  }
  kickMailSender();
  return presentMail(updated);
}
