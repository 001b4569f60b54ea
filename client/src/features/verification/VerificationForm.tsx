import { useEffect, useState, type FormEvent } from "react";
import { LIMITS, VerificationRequestInput, type Affiliation } from "@rembuk/shared";
import { Button } from "../../components/Button";
import { Field, FormAlert } from "../../components/Field";
import { Spinner } from "../../components/Spinner";
import { isApiError } from "../../lib/api";
import { describeError } from "../../lib/errors";
import { useLocale, useT, type MessageKey, type MessageParams } from "../../lib/i18n";
import { issuesFromApi, issueText, validate, type FieldIssues } from "../../lib/validation";
import { useStore } from "../../store";
import { RegionPicker, regionValueOf, type RegionValue } from "../users/RegionPicker";
import type { UserEntity } from "../users/users.slice";

type Kind = "region" | "agency";

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
  const locale = useLocale();
  const regionsStatus = useStore((s) => s.regionsStatus);
  const loadRegions = useStore((s) => s.loadRegions);
  const requestVerification = useStore((s) => s.requestVerification);
  const pushToast = useStore((s) => s.pushToast);
  const [title, setTitle] = useState(user.title);
  const [kind, setKind] = useState<Kind>(user.affiliation?.kind ?? "region");
  const [region, setRegion] = useState<RegionValue>(() => regionValueOf(user.affiliation));
  const [agency, setAgency] = useState(user.affiliation?.kind === "agency" ? user.affiliation.name : "");
  const [officialEmail, setOfficialEmail] = useState("");
  const [decreeNumber, setDecreeNumber] = useState("");
  const [decreeDate, setDecreeDate] = useState("");
  const [note, setNote] = useState("");
  const [issues, setIssues] = useState<FieldIssues>({});
  const [formError, setFormError] = useState<{ key: MessageKey; params?: MessageParams } | null>(null);
  const [busy, setBusy] = useState(false);

  useEffect(() => {
    void loadRegions();
  }, [loadRegions]);

  const onSubmit = async (e: FormEvent<HTMLFormElement>) => {
    e.preventDefault();
    setFormError(null);
    if (kind === "region" && !region.provinceCode) {
      setIssues({ "affiliation.province": { key: "users.edit.province.required" } });
      return;
    }
    const affiliation: Affiliation =
      kind === "agency"
        ? { kind: "agency", name: agency }
        : { kind: "region", code: region.regionCode || region.provinceCode };
    const decreeGiven = decreeNumber.trim() !== "" || decreeDate !== "";
    const values = {
      title,
      affiliation,
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
      return setIssues(parsed.issues);
    }
    setIssues({});
    setBusy(true);
    try {
      await requestVerification(parsed.data);
      pushToast({
        tone: "success",
        message: parsed.data.officialEmail ? "verification.form.sentWithMail" : "verification.form.sent",
      });
      onDone();
    } catch (err) {
      setBusy(false);
      if (isApiError(err) && err.code === "VALIDATION") {
        setIssues(issuesFromApi(err));
        setFormError({ key: "form.fixErrors" });
      } else setFormError(describeError(err, locale));
    }
  };

  return (
    <form
      className="form verif-form"
      noValidate
      onSubmit={(e) => void onSubmit(e)}
      aria-label={t("verification.form.title")}
      data-testid="verification-form"
    >
      {formError && <FormAlert testId="verification-error">{t(formError.key, formError.params)}</FormAlert>}
      <Field
        label={t("verification.form.officeTitle")}
        hint={t("users.edit.title.hint")}
        error={issueText(t, issues.title)}
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
      <fieldset className="fieldset">
        <legend className="field__label">{t("users.edit.affiliation")}</legend>
        <div className="choice-group">
          {(["region", "agency"] as const).map((k) => (
            <label key={k} className={kind === k ? "choice choice--checked" : "choice"}>
              <input
                type="radio"
                name="verif-kind"
                value={k}
                checked={kind === k}
                onChange={() => setKind(k)}
                data-testid={`verif-kind-${k}`}
              />
              <span>{t(k === "region" ? "users.edit.kind.region" : "users.edit.kind.agency")}</span>
            </label>
          ))}
        </div>
        {kind === "region" &&
          (regionsStatus === "ready" ? (
            <RegionPicker
              value={region}
              onChange={setRegion}
              provinceError={issueText(t, issues["affiliation.province"])}
              regionError={issueText(t, issues["affiliation.code"])}
            />
          ) : regionsStatus === "error" ? (
            <FormAlert tone="info">
              {t("users.edit.regions.error")}{" "}
              <button type="button" className="link-button" onClick={() => void loadRegions()}>
                {t("ui.retry")}
              </button>
            </FormAlert>
          ) : (
            <p className="field__hint loading-line">
              <Spinner size="sm" /> {t("users.edit.regions.loading")}
            </p>
          ))}
        {kind === "agency" && (
          <Field
            label={t("users.edit.agency")}
            error={issueText(t, issues["affiliation.name"])}
            testId="verif-agency"
          >
            {(a11y) => (
              <input
                {...a11y}
                className="input"
                autoComplete="organization"
                maxLength={LIMITS.agencyName.max}
                value={agency}
                onChange={(e) => setAgency(e.target.value)}
                data-testid="verif-agency"
              />
            )}
          </Field>
        )}
      </fieldset>
      <Field
        label={t("verification.form.officialEmail")}
        hint={t("verification.form.officialEmail.hint")}
        optionalText={t("ui.optional")}
        error={issueText(t, issues.officialEmail)}
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
          error={issueText(t, issues["decree.number"])}
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
          error={issueText(t, issues["decree.date"])}
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
        error={issueText(t, issues.note)}
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
        <Button type="submit" loading={busy} data-testid="verif-submit">
          {t("verification.form.submit")}
        </Button>
      </div>
    </form>
  );
}
