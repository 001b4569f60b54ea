import { mailCommands } from "@rembuk/shared";
import { handle } from "../../lib/commands/handle.js";
import { listOutbox, retryMail } from "./mail.service.js";

/** The outbox (shared/src/commands/mail.ts). */
export const mailHandlers = [
  handle(mailCommands.outbox, async (query, { actor }) => listOutbox(actor, query)),
  handle(mailCommands.retry, async ({ id }, { actor }) => ({ message: await retryMail(actor, id) })),
];
