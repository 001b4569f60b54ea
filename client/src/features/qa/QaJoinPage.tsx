import { useParams } from "react-router";
import { usePageTitle } from "../../app/usePageTitle";
import { useT } from "../../lib/i18n";
import { JoinCodeForm } from "./JoinCodeForm";
import "./qa.css";

/** `/qa/join/:code` (the link or QR in the invitation): resolves the code and continues to the session. */
export function QaJoinPage() {
  const { code } = useParams();
  const t = useT();
  usePageTitle(t("qa.join.title"));
  return (
    <div className="page page--narrow qa-join">
      <h1 className="page-title">{t("qa.join.title")}</h1>
      <JoinCodeForm autoCode={code} />
    </div>
  );
}
