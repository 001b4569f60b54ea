import type { QaSessionDto } from "@rembuk/shared";
import { Badge } from "../../components/Badge";
import { useT } from "../../lib/i18n";

/** Scheduled / live (pulsing) / ended, the same everywhere a session is shown. */
export function StatusBadge({ status }: { status: QaSessionDto["status"] }) {
  const t = useT();
  if (status === "live")
    return (
      <span className="qa-live" data-testid="qa-status">
        <span className="qa-live__dot" aria-hidden="true" />
        {t("qa.status.live")}
      </span>
    );
  return (
    <Badge tone={status === "ended" ? "neutral" : "warning"} testId="qa-status">
      {t(status === "ended" ? "qa.status.ended" : "qa.status.scheduled")}
    </Badge>
  );
}

export const sessionLink = (code: string) => `${window.location.origin}/qa/join/${code}`;
