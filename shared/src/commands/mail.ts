import { z } from "zod";
import { ObjectIdString } from "../schemas/common.js";
import { MailDelivery, OutboxListQuery, OutboxMessageDto } from "../schemas/outbox.js";
import { defineCommand } from "./define.js";

/** The admins' mail outbox ("Kotak keluar"). */
export const mailCommands = {
  outbox: defineCommand({
    name: "mail.outbox",
    summary: "Mail sent, waiting and failed, newest first (admins)",
    input: OutboxListQuery,
    output: z.object({
      messages: z.array(OutboxMessageDto),
      nextCursor: z.string().nullable(),
      delivery: MailDelivery,
    }),
    errors: ["FORBIDDEN"],
    http: { method: "GET", path: "/admin/outbox" },
  }),
  retry: defineCommand({
    name: "mail.retry",
    summary: "Queue a failed message again (admins; needs SMTP_URL)",
    params: { id: ObjectIdString },
    input: z.object({}),
    output: z.object({ message: OutboxMessageDto }),
    errors: ["FORBIDDEN", "NOT_FOUND", "CONFLICT"],
    http: { method: "POST", path: "/admin/outbox/:id/retry" },
  }),
} as const;
