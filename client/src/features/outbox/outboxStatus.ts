import type { OutboxStatus } from "@rembuk/shared";
import type { BadgeTone } from "../../components/Badge";
import type { MessageKey } from "../../lib/i18n";

/** How each delivery state looks on a message's badge. */
export const STATUS_TONE: Record<OutboxStatus, BadgeTone> = {
  pending: "warning",
  sent: "verified",
  failed: "danger",
  held: "neutral",
};
/** Each delivery state's name, on the filters ("all" too) and on a message's badge. */
export const STATUS_KEY: Record<OutboxStatus | "all", MessageKey> = {
  all: "outbox.filter.all",
  pending: "outbox.status.pending",
  sent: "outbox.status.sent",
  failed: "outbox.status.failed",
  held: "outbox.status.held",
};
