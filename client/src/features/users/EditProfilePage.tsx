import { useEffect, useState, type FormEvent } from "react";
import { Link, useNavigate, useSearchParams } from "react-router";
import { LIMITS, ProfileUpdateInput, type Affiliation } from "@rembuk/shared";
import { usePageTitle } from "../../app/usePageTitle";
import { Button, buttonClass } from "../../components/Button";
import { Field, FormAlert } from "../../components/Field";
import { Spinner } from "../../components/Spinner";
import { isApiError } from "../../lib/api";
import { describeError } from "../../lib/errors";
import { useT, type MessageKey, type MessageParams } from "../../lib/i18n";
import { issuesFromApi, issueText, validate, type FieldIssues } from "../../lib/validation";
import { useStore } from "../../store";
import type { UserEntity } from "./users.slice";
import { RegionPicker, regionValueOf, type RegionValue } from "./RegionPicker";
import "./users.css";

type Kind = "region" | "agency" | "none";
type FormError = { key: MessageKey; params?: MessageParams };

/** `/profile/edit`: the signed-in user's name, position and affiliation. */
export function EditProfilePage() {
  const userId = useStore((s) => s.currentUserId);
  const user = useStore((s) => (s.currentUserId ? s.usersById[s.currentUserId] : undefined));
  if (!userId || !user) return null;
  return <EditProfileForm key={userId} user={user} />;
}

function EditProfileForm({ user }: { user: UserEntity }) {
  const t = useT();
  const locale = useStore((s) => s.locale);
  const regionsStatus = useStore((s) => s.regionsStatus);
  const loadRegions = useStore((s) => s.loadRegions);
  const updateProfile = useStore((s) => s.updateProfile);
  const pushToast = useStore((s) => s.pushToast);
  const navigate = useNavigate();
  const [params] = useSearchParams();
  usePageTitle(t("users.edit.pageTitle"));

  const [name, setName] = useState(user.name);
  const [title, setTitle] = useState(user.title);
  const [kind, setKind] = useState<Kind>(user.affiliation?.kind ?? "none");
  const [region, setRegion] = useState<RegionValue>(() => regionValueOf(user.affiliation));
  const [manualCode, setManualCode] = useState(
    user.affiliation?.kind === "region" ? user.affiliation.code : "",
  );
  const [agency, setAgency] = useState(user.affiliation?.kind === "agency" ? user.affiliation.name : "");
  const [issues, setIssues] = useState<FieldIssues>({});
  const [formError, setFormError] = useState<FormError | null>(null);
  const [saving, setSaving] = useState(false);

  useEffect(() => {
    void loadRegions();
  }, [loadRegions]);

  const regionsUsable = regionsStatus === "ready";

  const buildAffiliation = (): Affiliation | null | "missing-province" => {
    if (kind === "none") return null;
    if (kind === "agency") return { kind: "agency", name: agency };
    if (!regionsUsable) return { kind: "region", code: manualCode.trim() };
    if (!region.provinceCode) return "missing-province";
    return { kind: "region", code: region.regionCode || region.provinceCode };
  };

  const onSubmit = async (e: FormEvent<HTMLFormElement>) => {
    e.preventDefault();
    setFormError(null);
    const affiliation = buildAffiliation();
    if (affiliation === "missing-province") {
      setIssues({ "affiliation.province": { key: "users.edit.province.required" } });
      return;
    }
    const parsed = validate(ProfileUpdateInput, { name, title, affiliation });
    if (!parsed.ok) {
      setIssues(parsed.issues);
      return;
    }
    setIssues({});
    setSaving(true);
    try {
      await updateProfile(user.id, parsed.data);
      pushToast({ tone: "success", message: "users.edit.saved" });
      navigate(`/users/${encodeURIComponent(user.id)}`);
    } catch (err) {
      setSaving(false);
      if (isApiError(err) && err.code === "VALIDATION") {
        setIssues(issuesFromApi(err));
        setFormError({ key: "form.fixErrors" });
      } else {
        setFormError(describeError(err, locale));
      }
    }
  };

  const kinds: { value: Kind; label: MessageKey }[] = [
    { value: "region", label: "users.edit.kind.region" },
    { value: "agency", label: "users.edit.kind.agency" },
    { value: "none", label: "users.edit.kind.none" },
  ];

  return (
    <div className="page page--narrow">
      <header className="page-header">
        <h1 className="page-title">{t("users.edit.pageTitle")}</h1>
        <p className="page-lead">{t("users.edit.lead")}</p>
      </header>
      {params.get("welcome") && <FormAlert tone="info">{t("users.edit.welcome")}</FormAlert>}
      {user.verified && (
        <FormAlert tone="info" testId="profile-ends-verification">
          {t("users.edit.endsVerification")}
        </FormAlert>
      )}
      <form className="card form form--card" noValidate onSubmit={(e) => void onSubmit(e)}>
        {formError && <FormAlert testId="profile-error">{t(formError.key, formError.params)}</FormAlert>}
        <Field label={t("users.edit.name")} error={issueText(t, issues.name)} testId="profile-name">
          {(a11y) => (
            <input
              {...a11y}
              className="input"
              autoComplete="name"
              maxLength={LIMITS.name.max}
              value={name}
              onChange={(e) => setName(e.target.value)}
              data-testid="profile-name"
            />
          )}
        </Field>
        <Field
          label={t("users.edit.title")}
          hint={t("users.edit.title.hint")}
          optionalText={t("ui.optional")}
          error={issueText(t, issues.title)}
          testId="profile-title"
        >
          {(a11y) => (
            <input
              {...a11y}
              className="input"
              autoComplete="organization-title"
              maxLength={LIMITS.title.max}
              value={title}
              onChange={(e) => setTitle(e.target.value)}
              data-testid="profile-title"
            />
          )}
        </Field>

        <fieldset className="fieldset">
          <legend className="field__label">{t("users.edit.affiliation")}</legend>
          <p className="field__hint">{t("users.edit.affiliation.hint")}</p>
          <div className="choice-group">
            {kinds.map((k) => (
              <label key={k.value} className={kind === k.value ? "choice choice--checked" : "choice"}>
                <input
                  type="radio"
                  name="affiliation-kind"
                  value={k.value}
                  checked={kind === k.value}
                  onChange={() => setKind(k.value)}
                  data-testid={`profile-kind-${k.value}`}
                />
                <span>{t(k.label)}</span>
              </label>
            ))}
          </div>

          {kind === "region" &&
            (regionsUsable ? (
              <RegionPicker
                value={region}
                onChange={setRegion}
                provinceError={issueText(t, issues["affiliation.province"])}
                regionError={issueText(t, issues["affiliation.code"])}
              />
            ) : regionsStatus === "error" ? (
              <>
                <FormAlert tone="info">
                  {t("users.edit.regions.error")}{" "}
                  <button type="button" className="link-button" onClick={() => void loadRegions()}>
                    {t("ui.retry")}
                  </button>
                </FormAlert>
                <Field
                  label={t("users.edit.regionCode")}
                  hint={t("users.edit.regionCode.hint")}
                  error={issueText(t, issues["affiliation.code"])}
                  testId="profile-region-code"
                >
                  {(a11y) => (
                    <input
                      {...a11y}
                      className="input input--short"
                      inputMode="decimal"
                      value={manualCode}
                      onChange={(e) => setManualCode(e.target.value)}
                      data-testid="profile-region-code"
                    />
                  )}
                </Field>
              </>
            ) : (
              <p className="field__hint loading-line">
                <Spinner size="sm" /> {t("users.edit.regions.loading")}
              </p>
            ))}

          {kind === "agency" && (
            <Field
              label={t("users.edit.agency")}
              hint={t("users.edit.agency.hint")}
              error={issueText(t, issues["affiliation.name"])}
              testId="profile-agency"
            >
              {(a11y) => (
                <input
                  {...a11y}
                  className="input"
                  autoComplete="organization"
                  maxLength={LIMITS.agencyName.max}
                  value={agency}
                  onChange={(e) => setAgency(e.target.value)}
                  data-testid="profile-agency"
                />
              )}
            </Field>
          )}
        </fieldset>

        <div className="form__actions">
          <Link to={`/users/${encodeURIComponent(user.id)}`} className={buttonClass("ghost")}>
            {t("users.edit.cancel")}
          </Link>
          <Button type="submit" loading={saving} data-testid="profile-save">
            {t("users.edit.save")}
          </Button>
        </div>
      </form>
    </div>
  );
}
