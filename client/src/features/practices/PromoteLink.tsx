import { Link } from "react-router";
import { buttonClass } from "../../components/Button";
import { LightbulbIcon } from "../../components/icons";
import { useT } from "../../lib/i18n";

/** On a discussion's page, for its moderators: distil the discussion into a practice record. */
export function PromoteLink({ threadId }: { threadId: string }) {
  const t = useT();
  return (
    <p className="promote-link">
      <Link
        to={`/threads/${threadId}/promote`}
        className={buttonClass("secondary", "sm")}
        data-testid="thread-promote"
      >
        <LightbulbIcon /> {t("practices.promote.action")}
      </Link>
    </p>
  );
}
