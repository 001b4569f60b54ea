import { useEffect } from "react";
import { useParams, useSearchParams } from "react-router";
import { useShallow } from "zustand/react/shallow";
import { qaCommands } from "@rembuk/shared";
import { usePageTitle } from "../../app/usePageTitle";
import { EmptyState } from "../../components/EmptyState";
import { Skeleton } from "../../components/Skeleton";
import { useT } from "../../lib/i18n";
import { useStore } from "../../store";
import { send } from "../../lib/send";
import { qaSelectors } from "./qa.slice";
import { SessionView } from "./SessionView";
import "./qa.css";
import "./polls.css";

/** `/qa/:id`: the live session for participants, with the moderator panel for hosts and moderators. */
export function QaSessionPage() {
  const { id } = useParams();
  const t = useT();
  const session = useStore(qaSelectors.session(id));
  const viewer = useStore(qaSelectors.viewer(id));
  const load = useStore(qaSelectors.load(id));
  const { joinQa, leaveQa } = useStore(useShallow((s) => ({ joinQa: s.joinQa, leaveQa: s.leaveQa })));
  const signedIn = useStore((s) => s.currentUserId !== null);
  const toast = useStore((s) => s.pushToast);
  const [params, setParams] = useSearchParams();
  const claim = signedIn && params.get("claim") === "1";
  usePageTitle(session?.title);

  useEffect(() => {
    if (!id || claim) return;
    void joinQa(id);
    return () => leaveQa(id);
    // Who is signed in changes what the snapshot holds (own questions, moderator view): join again.
  }, [id, joinQa, leaveQa, signedIn, claim]);

  // Back from signing in as a guest: the guest's questions become the member's, then the page joins.
  useEffect(() => {
    if (!id || !claim) return;
    void send(qaCommands.claim, { sessionId: id })
      .then(({ claimed: count }) =>
        toast({ tone: "success", message: "qa.guest.claimed", params: { count } }),
      )
      .catch(() => undefined)
      .finally(() => setParams({}, { replace: true }));
  }, [id, claim, toast, setParams]);

  if (!id || load === "error") {
    return (
      <div className="page page--narrow">
        <h1 className="sr-only">{t("qa.page.notFound.title")}</h1>
        <EmptyState title={t("qa.page.notFound.title")}>{t("qa.page.notFound.body")}</EmptyState>
      </div>
    );
  }
  if (!session || !viewer) {
    return (
      <div className="page" aria-busy="true">
        <Skeleton width="50%" height="2rem" />
        <Skeleton width="80%" height="1rem" />
        <Skeleton width="100%" height="6rem" />
      </div>
    );
  }
  return <SessionView session={session} viewer={viewer} />;
}
