import type { NotificationDto } from "@rembuk/shared";

/** DTO builders for notification tests (helpers, not tests). Ids are valid 24-hex strings. */
export const THREAD = "64d000000000000000000001";
export const id = (n: number) => `64e${n.toString(16).padStart(21, "0")}`;

export function makeNotification(o: Partial<NotificationDto> = {}): NotificationDto {
  return {
    id: id(1),
    kind: "reply",
    detail: "reply.thread",
    createdAt: "2026-03-14T08:00:00.000Z",
    readAt: null,
    count: 1,
    actor: {
      id: "64b0000000000000000000aa",
      name: "Andi Wicaksono",
      title: "",
      affiliation: null,
      verified: false,
      role: "member",
    },
    target: { type: "post", id: "64f000000000000000000001", url: `/threads/${THREAD}#post-2` },
    title: "Retribusi parkir digital",
    ...o,
  };
}
