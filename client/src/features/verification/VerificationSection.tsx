import { useEffect, useState } from "react";
import { Link } from "react-router";
import { Button } from "../../components/Button";
import { FormAlert } from "../../components/Field";
import { useT } from "../../lib/i18n";
import { useStore } from "../../store";
import type { UserEntity } from "../users";
import { VerificationForm } from "./VerificationForm";
import { VerificationStatus } from "./VerificationStatus";
import "./verification.css";

/** The account page's verification card: the claim's status and, when it makes sense, the request form. */
export function VerificationSection({ user }: { user: UserEntity }) {
  const t = useT();
  const request = useStore((s) => s.myVerification);
  const loadMyVerification = useStore((s) => s.loadMyVerification);
  const [formOpen, setFormOpen] = useState(false);

  useEffect(() => {
    void loadMyVerification().catch(() => undefined);
  }, [loadMyVerification]);

  const status = user.verified ? "verified" : (user.verification?.status ?? "none");
  // Asking again replaces a waiting request; after a rejection or with nothing asked the form is open.
  const showForm = user.emailConfirmed !== false && (formOpen || status === "none" || status === "rejected");

  return (
    <section
      id="verification"
      className="card account-section"
      aria-labelledby="account-verification"
      data-testid="account-verification"
    >
      <h2 id="account-verification" className="card-title">
        {t("verification.title")}
      </h2>
      <p className="account-section__lead">{t("verification.lead")}</p>
      <VerificationStatus user={user} request={request} />
      {user.emailConfirmed === false && (
        <FormAlert tone="info" testId="verification-needs-email">
          {t("verification.needsEmail")} <Link to="#account-email">{t("verification.needsEmail.link")}</Link>
        </FormAlert>
      )}
      {showForm ? (
        <>
          <h3 className="account-subtitle">{t("verification.form.title")}</h3>
          <VerificationForm
            key={request?.id ?? "new"}
            user={user}
            onDone={() => setFormOpen(false)}
            onCancel={formOpen ? () => setFormOpen(false) : undefined}
          />
        </>
      ) : (
        user.emailConfirmed !== false &&
        status === "pending" && (
          <Button variant="secondary" size="sm" onClick={() => setFormOpen(true)} data-testid="verif-update">
            {t("verification.update")}
          </Button>
        )
      )}
    </section>
  );
}
