import { z } from "zod";
import { IsoDate, ObjectIdString } from "./common.js";
import { UserSummaryDto } from "./rooms.js";

/** DESIGN.md §9: what a notification is about. */
export const NotificationKind = z.enum([
  "mention",
  "reply",
  "watched",
  "adoption",
  "question.approved",
  "question.answered",
  "question.dismissed",
  "question.merged",
  "qa.starting",
  "moderation",
  "verification",
]);
export type NotificationKind = z.infer<typeof NotificationKind>;

export const NotificationTargetType = z.enum([
  "post",
  "thread",
  "practice",
  "adoption",
  "question",
  "session",
  "user",
]);
export type NotificationTargetType = z.infer<typeof NotificationTargetType>;

/**
 * One entry of a person's inbox. Several events of one kind on one place within a few minutes
 * collapse into one entry whose `count` grows ("5 balasan baru di …"); `target` is then the latest.
 * Extensions beyond §9 (optional): `title` names the place (a thread title, a practice), `reason`
 * carries a moderator's reason, `detail` names what happened inside the kind (`post.rejected`,
 * `adoption.piloting`, `reply.thread`…), so the client can word it without another request.
 */
export const NotificationDto = z.object({
  id: z.string(),
  kind: NotificationKind,
  createdAt: IsoDate,
  readAt: IsoDate.nullable(),
  count: z.number().int().min(1),
  actor: UserSummaryDto.optional(),
  target: z.object({ type: NotificationTargetType, id: z.string(), url: z.string() }),
  title: z.string().optional(),
  detail: z.string().optional(),
  reason: z.string().nullable().optional(),
});
export type NotificationDto = z.infer<typeof NotificationDto>;

export const NOTIFICATION_LIMITS = { page: { default: 20, max: 100 }, readIds: 200 } as const;

/** `GET /notifications?unread=true&cursor&limit`: newest first. */
export const NotificationListQuery = z.object({
  unread: z
    .union([z.boolean(), z.enum(["true", "false"])])
    .transform((v) => v === true || v === "true")
    .optional(),
  cursor: z.string().max(100).optional(),
  limit: z.coerce
    .number()
    .int()
    .min(1)
    .max(NOTIFICATION_LIMITS.page.max)
    .default(NOTIFICATION_LIMITS.page.default),
});
export type NotificationListQuery = z.infer<typeof NotificationListQuery>;

export const NotificationList = z.object({
  notifications: z.array(NotificationDto),
  unread: z.number().int(),
  nextCursor: z.string().nullable(),
});
export type NotificationList = z.infer<typeof NotificationList>;

/** `POST /notifications/read`: some entries, or all of them. */
export const NotificationReadInput = z
  .object({
    ids: z.array(ObjectIdString).max(NOTIFICATION_LIMITS.readIds).optional(),
    all: z.literal(true).optional(),
  })
  .refine((v) => v.all === true || (v.ids !== undefined && v.ids.length > 0), {
    message: "Give ids or all: true",
    path: ["ids"],
  });
export type NotificationReadInput = z.infer<typeof NotificationReadInput>;

export const UnreadCount = z.object({ unread: z.number().int() });

export const DigestFrequency = z.enum(["off", "daily", "weekly"]);
export type DigestFrequency = z.infer<typeof DigestFrequency>;

export const NotificationSettingsDto = z.object({
  email: z.object({ mentions: z.boolean(), digest: DigestFrequency }),
});
export type NotificationSettingsDto = z.infer<typeof NotificationSettingsDto>;

export const NotificationSettingsResponse = z.object({ settings: NotificationSettingsDto });

/** `PATCH /notifications/settings`: any subset. */
export const NotificationSettingsPatch = z
  .object({
    email: z
      .object({ mentions: z.boolean().optional(), digest: DigestFrequency.optional() })
      .strict()
      .optional(),
  })
  .strict();
export type NotificationSettingsPatch = z.infer<typeof NotificationSettingsPatch>;

/** `POST /notifications/unsubscribe/:token`: an email's signed one-click link (no session needed). */
export const UnsubscribeInput = z.object({ token: z.string().min(10).max(300) });
export const UnsubscribeResult = z.object({
  ok: z.literal(true),
  unsubscribed: z.enum(["mentions", "digest"]),
});

/** DESIGN.md §9: how closely a person follows a thread, room or tag. */
export const WatchLevel = z.enum(["watching", "normal", "muted"]);
export type WatchLevel = z.infer<typeof WatchLevel>;

export const WatchInput = z.object({ level: WatchLevel });
export const WatchResult = z.object({ watch: z.object({ level: WatchLevel }) });
export type WatchResult = z.infer<typeof WatchResult>;
