import type { NotificationDto } from "@rembuk/shared";
import type { MessageKey, MessageParams } from "../../lib/i18n";

/**
 * The sentence an inbox entry says, from its kind and `detail` (what happened inside the kind). A
 * collapsed entry (`count` > 1) says how many; an unknown detail (a newer server) falls back to the
 * kind's general sentence, so nothing shows a raw key.
 */
const BY_DETAIL: Record<string, MessageKey> = {
  "reply.post": "notifications.reply.post",
  "reply.thread": "notifications.reply.thread",
  "thread.created": "notifications.watched.thread",
  "post.created": "notifications.watched.post",
  "adoption.interested": "notifications.adoption.interested",
  "adoption.piloting": "notifications.adoption.piloting",
  "adoption.adopted": "notifications.adoption.adopted",
  "adoption.abandoned": "notifications.adoption.abandoned",
  "practice.comment": "notifications.adoption.commented",
  "practice.edit": "notifications.adoption.edited",
  "post.approve": "notifications.moderation.post.approve",
  "post.reject": "notifications.moderation.post.reject",
  "post.hide": "notifications.moderation.post.hide",
  "post.delete": "notifications.moderation.post.delete",
  "thread.approve": "notifications.moderation.thread.approve",
  "thread.reject": "notifications.moderation.thread.reject",
  "thread.move": "notifications.moderation.thread.move",
  "thread.lock": "notifications.moderation.thread.lock",
  "thread.hide": "notifications.moderation.thread.hide",
  "flag.resolve": "notifications.moderation.flag.resolve",
  "flag.dismiss": "notifications.moderation.flag.dismiss",
  "user.suspend": "notifications.moderation.user.suspend",
  "user.unsuspend": "notifications.moderation.user.unsuspend",
  "verification.approve": "notifications.verification.approve",
  "user.verify": "notifications.verification.approve",
  "verification.reject": "notifications.verification.reject",
  "verification.revoke": "notifications.verification.revoke",
};

const BY_KIND: Record<NotificationDto["kind"], MessageKey> = {
  mention: "notifications.mention",
  reply: "notifications.reply.post",
  watched: "notifications.watched.post",
  adoption: "notifications.adoption.other",
  "question.approved": "notifications.question.approved",
  "question.answered": "notifications.question.answered",
  "question.dismissed": "notifications.question.dismissed",
  "question.merged": "notifications.question.merged",
  "qa.starting": "notifications.qa.starting",
  moderation: "notifications.moderation.other",
  verification: "notifications.verification.other",
};

/** Kinds whose entries collapse, and the sentence for several at once. */
const MANY: Partial<Record<NotificationDto["kind"], MessageKey>> = {
  reply: "notifications.reply.many",
  watched: "notifications.watched.many",
};

export interface Wording {
  key: MessageKey;
  params: MessageParams;
}

export function notificationWording(n: NotificationDto, fallbackName: string, place: string): Wording {
  const params = { actor: n.actor?.name ?? fallbackName, title: n.title ?? place, count: n.count };
  const many = n.count > 1 ? MANY[n.kind] : undefined;
  if (many) return { key: many, params };
  const byDetail = n.detail ? BY_DETAIL[n.detail] : undefined;
  return { key: byDetail ?? BY_KIND[n.kind], params };
}
