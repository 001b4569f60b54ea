import { z } from "zod";
import { MailDelivery, OutboxMessageDto, type OutboxStatus } from "@rembuk/shared";
import { api } from "../../lib/api";

const OutboxPage = z.object({
  messages: z.array(OutboxMessageDto),
  nextCursor: z.string().nullable(),
  delivery: MailDelivery,
});
export type OutboxPage = z.infer<typeof OutboxPage>;

/** The mail outbox for admins ("Kotak keluar"): what was sent, what waits, what failed and why. */
export const outboxApi = {
  list: (opts: { status?: OutboxStatus; cursor?: string | null }, signal?: AbortSignal) =>
    api.get("/admin/outbox", OutboxPage, {
      query: { status: opts.status, cursor: opts.cursor, limit: 30 },
      signal,
    }),
  retry: async (id: string) =>
    (
      await api.post(
        `/admin/outbox/${encodeURIComponent(id)}/retry`,
        {},
        z.object({ message: OutboxMessageDto }),
      )
    ).message,
};
