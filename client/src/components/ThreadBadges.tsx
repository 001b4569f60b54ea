import type { ThreadDto } from "@rembuk/shared";
import { Badge } from "./Badge";
import { LightbulbIcon, LockIcon, MicIcon, PinIcon, StarIcon } from "./icons";
import { useT } from "../lib/i18n";
import "./ThreadBadges.css";

/** Pinned, featured, locked, kind and moderation state, in that order of importance. */
export function ThreadBadges({ thread }: { thread: ThreadDto }) {
  const t = useT();
  return (
    <>
      {thread.pinned && (
        <Badge tone="moderator" icon={<PinIcon />} testId="thread-pinned">
          {t("threads.badge.pinned")}
        </Badge>
      )}
      {thread.featured && (
        <Badge tone="verified" icon={<StarIcon />}>
          {t("threads.badge.featured")}
        </Badge>
      )}
      {thread.kind === "practice" && <Badge icon={<LightbulbIcon />}>{t("threads.badge.practice")}</Badge>}
      {thread.kind === "qa-archive" && <Badge icon={<MicIcon />}>{t("threads.badge.qaArchive")}</Badge>}
      {thread.locked && (
        <Badge tone="warning" icon={<LockIcon />} testId="thread-locked">
          {t("threads.badge.locked")}
        </Badge>
      )}
      {thread.status === "queued" && <Badge tone="warning">{t("threads.badge.queued")}</Badge>}
      {thread.status === "hidden" && <Badge tone="danger">{t("threads.badge.hidden")}</Badge>}
    </>
  );
}

export function TagList({ tags }: { tags: string[] }) {
  if (tags.length === 0) return null;
  return (
    <ul className="tags">
      {tags.map((tag) => (
        <li key={tag} className="tag">
          #{tag}
        </li>
      ))}
    </ul>
  );
}
