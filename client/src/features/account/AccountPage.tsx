import { useState } from "react";
import { usePageTitle } from "../../app/usePageTitle";
import { useT } from "../../lib/i18n";
import { useStore } from "../../store";
import { VerificationSection } from "../verification";
import { NotificationSettingsSection } from "../notifications";
import { EmailSection } from "./EmailSection";
import { PasswordSection } from "./PasswordSection";
import { SessionsSection } from "./SessionsSection";
import "./account.css";

/**
 * `/account`: the signed-in person's security and standing: their email (confirmed or not), password,
 * the devices signed in, and the verification of the office they claim.
 */
export function AccountPage() {
  const t = useT();
  const user = useStore((s) => (s.currentUserId ? s.usersById[s.currentUserId] : undefined));
  // Changing the password signs the other devices out: the list below reads itself again.
  const [sessionsVersion, setSessionsVersion] = useState(0);
  usePageTitle(t("account.pageTitle"));
  if (!user) return null;
  return (
    <div className="page page--narrow account" data-testid="account-page">
      <header className="page-header">
        <h1 className="page-title">{t("account.title")}</h1>
        <p className="page-lead">{t("account.lead")}</p>
      </header>
      <VerificationSection user={user} />
      <EmailSection user={user} />
      <NotificationSettingsSection />
      <PasswordSection onChanged={() => setSessionsVersion((v) => v + 1)} />
      <SessionsSection version={sessionsVersion} />
    </div>
  );
}
