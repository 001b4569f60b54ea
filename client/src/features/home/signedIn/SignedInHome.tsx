import { useEffect, useState } from "react";
import type { UserViewDto } from "@rembuk/shared";
import { Button } from "../../../components/Button";
import { EmptyState } from "../../../components/EmptyState";
import { Skeleton } from "../../../components/Skeleton";
import { useT } from "../../../lib/i18n";
import { useStore } from "../../../store";
import { FollowUpsSection } from "./FollowUpsSection";
import { QaSection } from "./QaSection";
import { RegionSection } from "./RegionSection";
import { SimilarSection } from "./SimilarSection";
import { UnreadSection } from "./UnreadSection";
import { useHome } from "./useHome";

/**
 * The home page of a signed-in person: what is new since their last visit, live and upcoming Q&A,
 * their region, practices like the ones their office adopts, and what they still owe. Guests get
 * the introduction instead (HomePage).
 */
export function SignedInHome({ user }: { user: UserViewDto }) {
  const t = useT();
  const { load, reload, clearUnread } = useHome();
  // When the page opened: "overdue" is judged against it, not re-read on every render.
  const [now] = useState(() => Date.now());
  const regionCode = user.affiliation?.kind === "region" ? user.affiliation.code : null;
  const loadRegions = useStore((s) => s.loadRegions);
  const loadSectors = useStore((s) => s.loadSectors);
  useEffect(() => {
    // Practice cards name their region and sector from these lists (cached after the first load).
    void loadRegions();
    void loadSectors();
  }, [loadRegions, loadSectors]);

  return (
    <div className="page home home--signed-in" data-testid="home-signed-in">
      <header className="page-header">
        <h1 className="page-title">{t("home.welcomeBack", { name: user.name })}</h1>
        <p className="page-lead">{t("home.signedIn.lead")}</p>
      </header>
      {load.status === "error" ? (
        <EmptyState
          title={t("home.signedIn.error")}
          action={
            <Button variant="secondary" onClick={reload}>
              {t("ui.retry")}
            </Button>
          }
        >
          {t("home.rooms.error.body")}
        </EmptyState>
      ) : (
        <div className="home-grid">
          {load.status === "loading" ? (
            <section className="card home-section home-section--wide" aria-busy="true">
              <Skeleton width="40%" height="1.2em" />
              <Skeleton width="100%" height="3.2rem" />
              <Skeleton width="100%" height="3.2rem" />
            </section>
          ) : (
            <UnreadSection
              threads={load.home.unread.threads}
              total={load.home.unread.total}
              onAllRead={clearUnread}
            />
          )}
          <QaSection />
          {load.status === "ready" && <FollowUpsSection followUps={load.home.followUps} now={now} />}
          <RegionSection regionCode={regionCode} />
          {load.status === "ready" && <SimilarSection practices={load.home.similar} />}
        </div>
      )}
    </div>
  );
}
