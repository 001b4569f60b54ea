import { useState } from "react";
import { useParams } from "react-router";
import type { QaSessionDto } from "@rembuk/shared";
import { usePageTitle } from "../../app/usePageTitle";
import { useT } from "../../lib/i18n";
import { JoinCodeForm } from "./JoinCodeForm";
import "./qa.css";

/**
 * `/qa/join/:code` and `/qa/code/:code` (the link or the QR code on the projector): names the session
 * and joins it, as a member or as a guest (see `JoinCodeForm`). Without a code it is the bare join box
 * (`/qa` itself is the hub, which carries the same box).
 */
export function QaJoinPage() {
  const { code: fromLink } = useParams();
  const t = useT();
  const [session, setSession] = useState<QaSessionDto | null>(null);
  usePageTitle(session?.title ?? t("qa.join.title"));
  return (
    <div className="page page--narrow qa-join" data-testid="qa-join-page">
      <h1 className="page-title">{session?.title ?? t("qa.join.title")}</h1>
      <JoinCodeForm fromLink={fromLink} onSession={setSession} />
    </div>
  );
}
