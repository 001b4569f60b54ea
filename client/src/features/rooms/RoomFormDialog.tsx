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
import { Field } from "../../components/Field";
import { FormDialog } from "../../components/form/FormDialog";
import { useForm, validationIssues } from "../../components/form/useForm";
import type { ApiError } from "../../lib/api";
import { useLocale, useT } from "../../lib/i18n";
import { issueText, validate, type FieldIssues } from "../../lib/validation";
import { useStore } from "../../store";
import { send } from "../../lib/send";
import { BilingualFields } from "./BilingualFields";
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

/** A taken address is the slug field's problem. */
function roomIssues(err: ApiError): FieldIssues | null {
  if (err.code === "CONFLICT") return { slug: { key: "rooms.form.slugTaken" } };
  return validationIssues(err);
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
  const form = useForm({ fieldIssues: roomIssues });

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
    if (!checked.ok) return form.fail(checked.issues);
    await form.submit(
      async () => {
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
      },
      { leaving: true },
    );
  };

  return (
    <FormDialog
      title={
        room
          ? t("rooms.form.editTitle", { name: room.name[locale] || room.name.id })
          : t("rooms.form.createTitle")
      }
      onClose={onClose}
      testId="room-form"
      form={form}
      onSubmit={submit}
      submitLabel={t("rooms.form.save")}
      submitTestId="room-form-save"
    >
      <Field label={t("rooms.form.slug")} hint={t("rooms.form.slugHint")} error={form.error("slug")}>
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
      <BilingualFields
        value={name}
        onChange={setName}
        labels={{ id: t("rooms.form.nameId"), en: t("rooms.form.nameEn") }}
        errors={{ id: form.error("name.id"), en: form.error("name.en") }}
        maxLength={LIMITS.roomName.max}
        testId="room-form-name"
      />
      <BilingualFields
        value={description}
        onChange={setDescription}
        labels={{ id: t("rooms.form.descId"), en: t("rooms.form.descEn") }}
        errors={{ id: form.error("description.id"), en: form.error("description.en") }}
        maxLength={LIMITS.roomDescription.max}
        multiline
        optional
      />
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
          error={form.error("allowedAffiliations") ?? firstIssue(t, form.issues, "allowedAffiliations.")}
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
        error={form.error("slowModeSeconds")}
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
      <ModeratorPicker people={moderators} onChange={setModerators} error={form.error("moderators")} />
      <label className="qa-check">
        <input type="checkbox" checked={preModerated} onChange={(e) => setPreModerated(e.target.checked)} />
        <span>{t("rooms.form.preModerated")}</span>
      </label>
    </FormDialog>
  );
}

function firstIssue(t: ReturnType<typeof useT>, issues: FieldIssues, prefix: string): string | undefined {
  const key = Object.keys(issues).find((k) => k.startsWith(prefix));
  return key ? issueText(t, issues[key]) : undefined;
}
