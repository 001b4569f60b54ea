import { useEffect } from "react";
import { Link } from "react-router";
import { StarIcon } from "../../components/icons";
import { useFormat } from "../../lib/format";
import { useLocale, useT } from "../../lib/i18n";
import { useStore } from "../../store";
import { localized } from "../../lib/locale";
import { ThreadBadges } from "../../components/ThreadBadges";
import { moderationSelectors } from "./moderation.slice";
import "./moderation.css";

/** The home page's curated list: threads the moderators featured, newest curation first, live. */
export function FeaturedThreads() {
  const t = useT();
  const ids = useStore(moderationSelectors.featuredIds);
  const status = useStore((s) => s.featuredStatus);
  const loadFeatured = useStore((s) => s.loadFeatured);
  const signedIn = useStore((s) => s.currentUserId);
  useEffect(() => {
    void loadFeatured();
    // The home page is not in any room's channel: look again now and then while it is on screen.
    const refresh = () => {
      if (document.visibilityState === "visible") void loadFeatured();
    };
    const timer = setInterval(refresh, 60_000);
    document.addEventListener("visibilitychange", refresh);
    return () => {
      clearInterval(timer);
      document.removeEventListener("visibilitychange", refresh);
    };
  }, [loadFeatured, signedIn]);
  if (status !== "ready" || ids.length === 0) return null;
  return (
    <section className="featured" aria-labelledby="featured-title" data-testid="featured">
      <div className="section-head">
        <h2 id="featured-title" className="section-title">
          <StarIcon /> {t("moderation.featured.title")}
        </h2>
        <p className="section-lead">{t("moderation.featured.lead")}</p>
      </div>
      <ul className="featured__list">
        {ids.map((id) => (
          <FeaturedCard key={id} id={id} />
        ))}
      </ul>
    </section>
  );
}

function FeaturedCard({ id }: { id: string }) {
  const t = useT();
  const f = useFormat();
  const locale = useLocale();
  const thread = useStore((s) => s.threadsById[id]);
  const room = useStore((s) => (thread ? s.roomsById[thread.roomId] : undefined));
  // Uncurated meanwhile (a live thread:updated): it leaves the list at once.
  if (!thread || !thread.featured || thread.status !== "published") return null;
  return (
    <li className="featured__card" data-testid="featured-thread">
      <div className="featured__badges">
        <ThreadBadges thread={thread} />
      </div>
      <Link to={`/threads/${thread.id}`} className="featured__title">
        {thread.title}
      </Link>
      <p className="featured__meta">
        {thread.author?.name}
        {room && <> · {localized(room.name, locale)}</>}
        {" · "}
        {t("moderation.featured.replies", { count: f.number(thread.replyCount) })}
      </p>
    </li>
  );
}
