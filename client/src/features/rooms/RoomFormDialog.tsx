import { useEffect, useState } from "react";
import {
  LIMITS,
  userCommands,
  RegionCode,
  RoomCreateInput,
  RoomUpdateInput,
  SLOW_MODE_MAX_SECONDS,
  type Affiliation,
  type RoomDto,
  type RoomVisibility,
} from "@rembuk/shared";
import { Button } from "../../components/Button";
import { Dialog } from "../../components/Dialog";
import { Field, FormAlert } from "../../components/Field";
import { isApiError } from "../../lib/api";
import { describeError } from "../../lib/errors";
import { useLocale, useT } from "../../lib/i18n";
import { issueText, issuesFromApi, validate, type FieldIssues } from "../../lib/validation";
import { useStore } from "../../store";
import { send } from "../../lib/send";
import { ModeratorPicker, type Person } from "./ModeratorPicker";

const VISIBILITIES: RoomVisibility[] = ["public", "members", "restricted"];

/** "33.73" → a region, anything else → an agency name; one per line. */
export function parseAudience(text: string): Affiliation[] {
  return text
    .split("\n")
    .map((l) => l.trim())
    .filter(Boolean)
    .map((line) =>
      RegionCode.safeParse(line).success ? { kind: "region", code: line } : { kind: "agency", name: line },
    );
}

export function audienceText(list: Affiliation[]): string {
  return list.map((a) => (a.kind === "region" ? a.code : a.name)).join("\n");
}

/** Create or edit a room (admins): both languages, access, slow mode, moderators, pre-moderation. */
export function RoomFormDialog({ room, onClose }: { room: RoomDto | null; onClose: () => void }) {
  const t = useT();
  const locale = useLocale();
  const createRoom = useStore((s) => s.createRoom);
  const updateRoom = useStore((s) => s.updateRoom);
  const toast = useStore((s) => s.pushToast);
  const [slug, setSlug] = useState(room?.slug ?? "");
  const [name, setName] = useState(room?.name ?? { id: "", en: "" });
  const [description, setDescription] = useState(room?.description ?? { id: "", en: "" });
  const [visibility, setVisibility] = useState<RoomVisibility>(room?.visibility ?? "public");
  const [audience, setAudience] = useState(audienceText(room?.allowedAffiliations ?? []));
  const [slowMode, setSlowMode] = useState(String(room?.slowModeSeconds ?? 0));
  const [preModerated, setPreModerated] = useState(room?.preModerated ?? false);
  const [moderators, setModerators] = useState<Person[]>([]);
  const [issues, setIssues] = useState<FieldIssues>({});
  const [alert, setAlert] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  // The room lists moderators by id; show their names.
  useEffect(() => {
    if (!room?.moderators.length) return;
    let live = true;
    void Promise.all(
      room.moderators.map((id) =>
        send(userCommands.get, { id }).then(
          ({ user: u }) => ({ id: u.id, name: u.name }),
          () => ({ id, name: id }),
        ),
      ),
    ).then((people) => live && setModerators(people));
    return () => {
      live = false;
    };
  }, [room]);

  const submit = async () => {
    setAlert(null);
    const values = {
      slug,
      name,
      description,
      visibility,
      allowedAffiliations: visibility === "restricted" ? parseAudience(audience) : [],
      moderators: moderators.map((m) => m.id),
      slowModeSeconds: Number(slowMode),
      preModerated,
    };
    const checked = room ? validate(RoomUpdateInput, values) : validate(RoomCreateInput, values);
    if (!checked.ok) {
      setIssues(checked.issues);
      return;
    }
    setIssues({});
    setBusy(true);
    try {
      if (room) {
        await updateRoom(room.slug, values);
        toast({ tone: "success", message: "rooms.form.saved" });
      } else {
        const created = await createRoom(RoomCreateInput.parse(values));
        toast({
          tone: "success",
          message: "rooms.form.created",
          params: { name: created.name[locale] || created.name.id },
        });
      }
      onClose();
    } catch (err) {
      setBusy(false);
      if (isApiError(err) && (err.code === "VALIDATION" || err.code === "CONFLICT"))
        setIssues(issuesFromApi(err));
      if (isApiError(err) && err.code === "CONFLICT") setIssues({ slug: { key: "rooms.form.slugTaken" } });
      const { key, params } = describeError(err, locale);
      setAlert(t(key, params));
    }
  };

  return (
    <Dialog
      open
      title={
        room
          ? t("rooms.form.editTitle", { name: room.name[locale] || room.name.id })
          : t("rooms.form.createTitle")
      }
      onClose={onClose}
      testId="room-form"
      footer={
        <>
          <Button variant="ghost" onClick={onClose}>
            {t("ui.cancel")}
          </Button>
          <Button type="submit" form="room-form" loading={busy} data-testid="room-form-save">
            {t("rooms.form.save")}
          </Button>
        </>
      }
    >
      <form
        id="room-form"
        className="form room-form"
        noValidate
        onSubmit={(e) => {
          e.preventDefault();
          void submit();
        }}
      >
        {alert && <FormAlert>{alert}</FormAlert>}
        <Field label={t("rooms.form.slug")} hint={t("rooms.form.slugHint")} error={issueText(t, issues.slug)}>
          {(c) => (
            <input
              {...c}
              className="input"
              value={slug}
              maxLength={LIMITS.roomSlug.max}
              data-autofocus
              data-testid="room-form-slug"
              onChange={(e) => setSlug(e.target.value)}
            />
          )}
        </Field>
        <div className="room-form__pair">
          <Field label={t("rooms.form.nameId")} error={issueText(t, issues["name.id"])}>
            {(c) => (
              <input
                {...c}
                className="input"
                value={name.id}
                maxLength={LIMITS.roomName.max}
                data-testid="room-form-name-id"
                onChange={(e) => setName({ ...name, id: e.target.value })}
              />
            )}
          </Field>
          <Field label={t("rooms.form.nameEn")} error={issueText(t, issues["name.en"])}>
            {(c) => (
              <input
                {...c}
                className="input"
                value={name.en}
                maxLength={LIMITS.roomName.max}
                data-testid="room-form-name-en"
                onChange={(e) => setName({ ...name, en: e.target.value })}
              />
            )}
          </Field>
        </div>
        <div className="room-form__pair">
          <Field
            label={t("rooms.form.descId")}
            optionalText={t("ui.optional")}
            error={issueText(t, issues["description.id"])}
          >
            {(c) => (
              <textarea
                {...c}
                className="input textarea"
                rows={3}
                maxLength={LIMITS.roomDescription.max}
                value={description.id}
                onChange={(e) => setDescription({ ...description, id: e.target.value })}
              />
            )}
          </Field>
          <Field
            label={t("rooms.form.descEn")}
            optionalText={t("ui.optional")}
            error={issueText(t, issues["description.en"])}
          >
            {(c) => (
              <textarea
                {...c}
                className="input textarea"
                rows={3}
                maxLength={LIMITS.roomDescription.max}
                value={description.en}
                onChange={(e) => setDescription({ ...description, en: e.target.value })}
              />
            )}
          </Field>
        </div>
        <fieldset className="fieldset">
          <legend className="field__label">{t("rooms.form.visibility")}</legend>
          <div className="choice-group">
            {VISIBILITIES.map((v) => (
              <label key={v} className={`choice${visibility === v ? " choice--checked" : ""}`}>
                <input
                  type="radio"
                  name="visibility"
                  value={v}
                  checked={visibility === v}
                  onChange={() => setVisibility(v)}
                  data-testid={`room-form-visibility-${v}`}
                />
                {t(`rooms.form.visibility.${v}`)}
              </label>
            ))}
          </div>
        </fieldset>
        {visibility === "restricted" && (
          <Field
            label={t("rooms.form.allowed")}
            hint={t("rooms.form.allowedHint")}
            error={issueText(t, issues.allowedAffiliations) ?? firstIssue(t, issues, "allowedAffiliations.")}
          >
            {(c) => (
              <textarea
                {...c}
                className="input textarea"
                rows={3}
                value={audience}
                data-testid="room-form-allowed"
                onChange={(e) => setAudience(e.target.value)}
              />
            )}
          </Field>
        )}
        <Field
          label={t("rooms.form.slowMode")}
          hint={t("rooms.form.slowModeHint")}
          error={issueText(t, issues.slowModeSeconds)}
        >
          {(c) => (
            <input
              {...c}
              className="input input--short"
              type="number"
              min={0}
              max={SLOW_MODE_MAX_SECONDS}
              step={5}
              inputMode="numeric"
              value={slowMode}
              data-testid="room-form-slow"
              onChange={(e) => setSlowMode(e.target.value)}
            />
          )}
        </Field>
        <ModeratorPicker
          people={moderators}
          onChange={setModerators}
          error={issueText(t, issues.moderators)}
        />
        <label className="qa-check">
          <input type="checkbox" checked={preModerated} onChange={(e) => setPreModerated(e.target.checked)} />
          <span>{t("rooms.form.preModerated")}</span>
        </label>
      </form>
    </Dialog>
  );
}

function firstIssue(t: ReturnType<typeof useT>, issues: FieldIssues, prefix: string): string | undefined {
  const key = Object.keys(issues).find((k) => k.startsWith(prefix));
  return key ? issueText(t, issues[key]) : undefined;
}
