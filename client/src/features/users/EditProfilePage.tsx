import { useEffect, useState, type FormEvent } from "react";
import { Link, useNavigate, useSearchParams } from "react-router";
import { LIMITS, ProfileUpdateInput } from "@rembuk/shared";
import { usePageTitle } from "../../app/usePageTitle";
import { Button, buttonClass } from "../../components/Button";
import { Field, FormAlert } from "../../components/Field";
import { FormError } from "../../components/form/FormError";
import { useForm } from "../../components/form/useForm";
import { useT } from "../../lib/i18n";
import { useStore } from "../../store";
import { AffiliationFieldset, affiliationDraftOf, affiliationFrom } from "./AffiliationFieldset";
import type { UserEntity } from "./users.slice";
import "./users.css";

/** `/profile/edit`: the signed-in user's name, position and affiliation. */
export function EditProfilePage() {
  const userId = useStore((s) => s.currentUserId);
  const user = useStore((s) => (s.currentUserId ? s.usersById[s.currentUserId] : undefined));
  if (!userId || !user) return null;
  return <EditProfileForm key={userId} user={user} />;
}

function EditProfileForm({ user }: { user: UserEntity }) {
  const t = useT();
  const regionsStatus = useStore((s) => s.regionsStatus);
  const loadRegions = useStore((s) => s.loadRegions);
  const updateProfile = useStore((s) => s.updateProfile);
  const pushToast = useStore((s) => s.pushToast);
  const navigate = useNavigate();
  const [params] = useSearchParams();
  usePageTitle(t("users.edit.pageTitle"));

  const [name, setName] = useState(user.name);
  const [title, setTitle] = useState(user.title);
  const [affiliation, setAffiliation] = useState(() => affiliationDraftOf(user.affiliation, "none"));
  const form = useForm();

  useEffect(() => {
    void loadRegions();
  }, [loadRegions]);

  const onSubmit = async (e: FormEvent<HTMLFormElement>) => {
    e.preventDefault();
    const chosen = affiliationFrom(affiliation, regionsStatus === "ready");
    if (chosen === "missing-province")
      return form.fail({ "affiliation.province": { key: "users.edit.province.required" } });
    const input = form.check(ProfileUpdateInput, { name, title, affiliation: chosen });
    if (!input) return;
    const saved = await form.submit(() => updateProfile(user.id, input), { leaving: true });
    if (!saved) return;
    pushToast({ tone: "success", message: "users.edit.saved" });
    navigate(`/users/${encodeURIComponent(user.id)}`);
  };

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
        <FormError form={form} testId="profile-error" />
        <Field label={t("users.edit.name")} error={form.error("name")} testId="profile-name">
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
          error={form.error("title")}
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

        <AffiliationFieldset
          value={affiliation}
          onChange={setAffiliation}
          kinds={["region", "agency", "none"]}
          error={form.error}
          prefix="profile"
          explained
        />

        <div className="form__actions">
          <Link to={`/users/${encodeURIComponent(user.id)}`} className={buttonClass("ghost")}>
            {t("users.edit.cancel")}
          </Link>
          <Button type="submit" loading={form.busy} data-testid="profile-save">
            {t("users.edit.save")}
          </Button>
        </div>
      </form>
    </div>
  );
}
