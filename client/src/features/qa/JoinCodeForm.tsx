import { useEffect, useState } from "react";
import { useNavigate } from "react-router";
import { JoinCode, QA_LIMITS } from "@rembuk/shared";
import { Button } from "../../components/Button";
import { Field } from "../../components/Field";
import { Spinner } from "../../components/Spinner";
import { useT } from "../../lib/i18n";
import { qaApi } from "./qa.api";

/**
 * The 6-character code box: resolves the code (`GET /qa/code/:code`) and continues to the session.
 * With `autoCode` (the code from an invitation link) it joins at once.
 */
export function JoinCodeForm({ autoCode }: { autoCode?: string }) {
  const t = useT();
  const navigate = useNavigate();
  const [code, setCode] = useState(autoCode ?? "");
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(Boolean(autoCode));

  const go = async (raw: string) => {
    const parsed = JoinCode.safeParse(raw.trim().toUpperCase());
    if (!parsed.success) {
      setError(t("qa.join.notFound"));
      setBusy(false);
      return;
    }
    setBusy(true);
    setError(null);
    try {
      const session = await qaApi.byCode(parsed.data);
      void navigate(`/qa/${session.id}`, { replace: Boolean(autoCode) });
    } catch {
      setError(t("qa.join.notFound"));
      setBusy(false);
    }
  };

  useEffect(() => {
    if (autoCode) void go(autoCode);
    // Only the code in the address triggers an automatic join.
  }, [autoCode]);

  if (busy && autoCode && !error) return <Spinner />;
  return (
    <form
      className="qa-join__form"
      data-testid="qa-join-form"
      onSubmit={(e) => {
        e.preventDefault();
        void go(code);
      }}
    >
      <Field label={t("qa.join.code")} hint={t("qa.join.lead")} error={error}>
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
  );
}
