import { useEffect, useState } from "react";
import { useNavigate, useParams } from "react-router";
import { JoinCode, QA_LIMITS } from "@rembuk/shared";
import { usePageTitle } from "../../app/usePageTitle";
import { Button } from "../../components/Button";
import { Field } from "../../components/Field";
import { Spinner } from "../../components/Spinner";
import { useT } from "../../lib/i18n";
import { qaApi } from "./qa.api";
import "./qa.css";

/**
 * `/qa` (type the code from the screen) and `/qa/join/:code` (the link or QR in the invitation):
 * both resolve the code and continue to the session page.
 */
export function QaJoinPage() {
  const { code: fromLink } = useParams();
  const t = useT();
  const navigate = useNavigate();
  const [code, setCode] = useState(fromLink ?? "");
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(Boolean(fromLink));
  usePageTitle(t("qa.join.title"));

  const go = async (raw: string) => {
    const parsed = JoinCode.safeParse(raw);
    if (!parsed.success) {
      setError(t("qa.join.notFound"));
      setBusy(false);
      return;
    }
    setBusy(true);
    setError(null);
    try {
      const session = await qaApi.byCode(parsed.data);
      void navigate(`/qa/${session.id}`, { replace: Boolean(fromLink) });
    } catch {
      setError(t("qa.join.notFound"));
      setBusy(false);
    }
  };

  useEffect(() => {
    if (fromLink) void go(fromLink);
    // Only the code in the address triggers an automatic join.
  }, [fromLink]);

  return (
    <div className="page page--narrow qa-join">
      <h1 className="page-title">{t("qa.join.title")}</h1>
      <p className="page-lead">{t("qa.join.lead")}</p>
      {busy && fromLink && !error ? (
        <Spinner />
      ) : (
        <form
          className="qa-join__form"
          onSubmit={(e) => {
            e.preventDefault();
            void go(code);
          }}
        >
          <Field label={t("qa.join.code")} error={error}>
            {(control) => (
              <input
                {...control}
                className="input qa-join__input"
                value={code}
                maxLength={QA_LIMITS.joinCode.length}
                autoCapitalize="characters"
                autoComplete="off"
                spellCheck={false}
                inputMode="text"
                data-testid="qa-join-code-input"
                onChange={(e) => setCode(e.target.value.toUpperCase())}
              />
            )}
          </Field>
          <Button type="submit" loading={busy} data-testid="qa-join-submit">
            {t("qa.join.submit")}
          </Button>
        </form>
      )}
    </div>
  );
}
