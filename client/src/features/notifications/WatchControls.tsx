import type { ThreadDto } from "@rembuk/shared";
import { useT } from "../../lib/i18n";
import { useStore } from "../../store";
import { notificationSelectors } from "./notifications.slice";
import { WatchMenu } from "./WatchMenu";

/** The viewer's level for a thread: their choice in this visit, else what the thread said. */
export function ThreadWatch({ thread }: { thread: ThreadDto }) {
  const t = useT();
  const signedIn = useStore((s) => s.currentUserId !== null);
  const chosen = useStore(notificationSelectors.watch({ scope: "thread", id: thread.id }));
  if (!signedIn) return null;
  return (
    <WatchMenu
      place={{ scope: "thread", id: thread.id }}
      level={chosen ?? thread.watch}
      caption={t("notifications.watch.thread")}
      align="start"
      testId="thread-watch"
    />
  );
}

/** A room's level is known once chosen (RoomDto does not carry it). */
export function RoomWatch({ slug }: { slug: string }) {
  const t = useT();
  const signedIn = useStore((s) => s.currentUserId !== null);
  const chosen = useStore(notificationSelectors.watch({ scope: "room", slug }));
  if (!signedIn) return null;
  return (
    <WatchMenu
      place={{ scope: "room", slug }}
      level={chosen}
      caption={t("notifications.watch.room")}
      align="start"
      testId="room-watch"
    />
  );
}

function TagWatch({ tag }: { tag: string }) {
  const t = useT();
  const chosen = useStore(notificationSelectors.watch({ scope: "tag", tag }));
  return (
    <WatchMenu
      place={{ scope: "tag", tag }}
      level={chosen}
      caption={t("notifications.watch.tag", { tag })}
      trigger={`#${tag}`}
      align="start"
      testId={`tag-watch-${tag}`}
    />
  );
}

/** Tags have no page of their own: their watch menus sit with the thread that carries them. */
export function TagWatchList({ tags }: { tags: string[] }) {
  const t = useT();
  const signedIn = useStore((s) => s.currentUserId !== null);
  if (!signedIn || tags.length === 0) return null;
  return (
    <div className="watch-tags" role="group" aria-label={t("notifications.watch.tags")}>
      <span className="watch-tags__label" aria-hidden="true">
        {t("notifications.watch.tags")}
      </span>
      {tags.map((tag) => (
        <TagWatch key={tag} tag={tag} />
      ))}
    </div>
  );
}
