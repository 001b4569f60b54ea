import { useEffect, useState, type FormEvent } from "react";
import { LIMITS, VerificationRequestInput } from "@rembuk/shared";
import { Button } from "../../components/Button";
import { Field } from "../../components/Field";
import { FormError } from "../../components/form/FormError";
import { useForm } from "../../components/form/useForm";
import { useT } from "../../lib/i18n";
import { validate } from "../../lib/validation";
import { useStore } from "../../store";
import { AffiliationFieldset, affiliationDraftOf, affiliationFrom } from "../users";
import type { UserEntity } from "../users";

/**
 * The claim and its evidence: office title, the region or agency, an official address on a government
 * domain (it receives a link), the decree (SK) appointing the person, and a note for the moderator.
 * Sending it also makes this the profile's office, shown as not verified until a moderator decides.
 */
export function VerificationForm({
  user,
  onDone,
  onCancel,
}: {
  user: UserEntity;
  onDone: () => void;
  onCancel?: () => void;
}) {
  const t = useT();
  const loadRegions = useStore((s) => s.loadRegions);
  const requestVerification = useStore((s) => s.requestVerification);
  const pushToast = useStore((s) => s.pushToast);
  const [title, setTitle] = useState(user.title);
  const [affiliation, setAffiliation] = useState(() => affiliationDraftOf(user.affiliation, "region"));
  const [officialEmail, setOfficialEmail] = useState("");
  const [decreeNumber, setDecreeNumber] = useState("");
  const [decreeDate, setDecreeDate] = useState("");
  const [note, setNote] = useState("");
  const form = useForm();

  useEffect(() => {
    void loadRegions();
  }, [loadRegions]);

  const onSubmit = async (e: FormEvent<HTMLFormElement>) => {
    e.preventDefault();
    const chosen = affiliationFrom(affiliation, true);
    if (chosen === "missing-province")
      return form.fail({ "affiliation.province": { key: "users.edit.province.required" } });
    const decreeGiven = decreeNumber.trim() !== "" || decreeDate !== "";
    const values = {
      title,
      affiliation: chosen,
      ...(officialEmail.trim() ? { officialEmail } : {}),
      ...(decreeGiven ? { decree: { number: decreeNumber, date: decreeDate } } : {}),
      ...(note.trim() ? { note } : {}),
    };
    const parsed = validate(VerificationRequestInput, values);
    if (!parsed.ok) {
      // The government-domain rule is a refinement: say what it means rather than "invalid".
      const mail = parsed.issues.officialEmail;
      if (mail && "key" in mail && mail.key === "form.invalid")
        parsed.issues.officialEmail = { key: "verification.form.officialEmail.domain" };
      return form.fail(parsed.issues);
    }
    if (!(await form.submit(() => requestVerification(parsed.data)))) return;
    pushToast({
      tone: "success",
      message: parsed.data.officialEmail ? "verification.form.sentWithMail" : "verification.form.sent",
    });
    onDone();
  };

  return (
    <form
      className="form verif-form"
      noValidate
      onSubmit={(e) => void onSubmit(e)}
      aria-label={t("verification.form.title")}
      data-testid="verification-form"
    >
      <FormError form={form} testId="verification-error" />
      <Field
        label={t("verification.form.officeTitle")}
        hint={t("users.edit.title.hint")}
        error={form.error("title")}
        testId="verif-title"
      >
        {(a11y) => (
          <input
            {...a11y}
            className="input"
            autoComplete="organization-title"
            maxLength={LIMITS.title.max}
            value={title}
            onChange={(e) => setTitle(e.target.value)}
            data-testid="verif-title"
          />
        )}
      </Field>
      <AffiliationFieldset
        value={affiliation}
        onChange={setAffiliation}
        kinds={["region", "agency"]}
        error={form.error}
        prefix="verif"
      />
      <Field
        label={t("verification.form.officialEmail")}
        hint={t("verification.form.officialEmail.hint")}
        optionalText={t("ui.optional")}
        error={form.error("officialEmail")}
        testId="verif-email"
      >
        {(a11y) => (
          <input
            {...a11y}
            className="input"
            type="email"
            inputMode="email"
            autoCapitalize="none"
            spellCheck={false}
            placeholder="nama@banyuwangikab.go.id"
            value={officialEmail}
            onChange={(e) => setOfficialEmail(e.target.value)}
            data-testid="verif-email"
          />
        )}
      </Field>
      <div className="verif-form__row">
        <Field
          label={t("verification.form.decreeNumber")}
          hint={t("verification.form.decreeNumber.hint")}
          optionalText={t("ui.optional")}
          error={form.error("decree.number")}
          testId="verif-decree-number"
        >
          {(a11y) => (
            <input
              {...a11y}
              className="input"
              maxLength={LIMITS.decreeNumber.max}
              value={decreeNumber}
              onChange={(e) => setDecreeNumber(e.target.value)}
              data-testid="verif-decree-number"
            />
          )}
        </Field>
        <Field
          label={t("verification.form.decreeDate")}
          optionalText={t("ui.optional")}
          error={form.error("decree.date")}
          testId="verif-decree-date"
        >
          {(a11y) => (
            <input
              {...a11y}
              className="input input--short"
              type="date"
              value={decreeDate}
              onChange={(e) => setDecreeDate(e.target.value)}
              data-testid="verif-decree-date"
            />
          )}
        </Field>
      </div>
      <Field
        label={t("verification.form.note")}
        hint={t("verification.form.note.hint")}
        optionalText={t("ui.optional")}
        error={form.error("note")}
        testId="verif-note"
      >
        {(a11y) => (
          <textarea
            {...a11y}
            className="input textarea"
            rows={3}
            maxLength={LIMITS.verificationNote.max}
            value={note}
            onChange={(e) => setNote(e.target.value)}
            data-testid="verif-note"
          />
        )}
      </Field>
      <p className="field__hint">{t("verification.form.claimNotice")}</p>
      <div className="form__actions">
        {onCancel && (
          <Button variant="ghost" onClick={onCancel}>
            {t("ui.cancel")}
          </Button>
        )}
        <Button type="submit" loading={form.busy} data-testid="verif-submit">
          {t("verification.form.submit")}
        </Button>
      </div>
    </form>
  );
}
