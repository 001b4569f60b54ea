import { useEffect, useMemo, useState } from "react";
import { useNavigate } from "react-router";
import { z } from "zod";
import { PostBody, PracticeInput, ThreadTitle, type Locale } from "@rembuk/shared";
import type { UserEntity } from "../../users";
import { useForm, type Described } from "../../../components/form/useForm";
import { isApiError } from "../../../lib/api";
import { describeError } from "../../../lib/errors";
import { useLocale } from "../../../lib/i18n";
import { localDraft } from "../../../lib/localDraft";
import { issuesFromZod, type FieldIssues } from "../../../lib/validation";
import { useStore } from "../../../store";
import { newClientId } from "../../posts";
import {
  PracticeDraft,
  draftFromRecord,
  draftNumberIssues,
  emptyDraft,
  practiceCandidate,
  practiceIdFrom,
  practiceIssuesFromApi,
  practiceIssuesFromZod,
} from "../practice.form";
import type { PracticeThread } from "../practices.api";

/** A new practice's unfinished draft (one per device: the form has one "new" at a time). */
const newDraft = localDraft(PracticeDraft, "rembuk:practice-draft");
const DEFAULT_ROOM = "inovasi-pelayanan-publik";

/** The opening thread fields for a new practice, checked with the threads feature's own schemas. */
const Opening = z.object({ title: ThreadTitle, summary: PostBody });

/** What the form is for; each mode starts, checks and sends its draft differently. */
export type PracticeFormMode =
  | { kind: "new"; room: string; from: string }
  | { kind: "edit"; id: string; record: PracticeThread }
  | { kind: "promote"; threadId: string };

/**
 * The draft a form opens with: the saved record when editing; else the draft left on this device,
 * marked as an adaptation when opened from one, and about the author's own region until they say
 * otherwise.
 */
function startingDraft(mode: PracticeFormMode, me: UserEntity, locale: Locale): PracticeDraft {
  if (mode.kind === "edit") return draftFromRecord(mode.record.practice, locale, newClientId());
  if (mode.kind === "promote") return emptyDraft(newClientId());
  const base = newDraft.read() ?? emptyDraft(newClientId(), mode.room);
  const from = practiceIdFrom(mode.from);
  const draft = from ? { ...base, derivedFrom: from } : base;
  const ownRegion = me.affiliation?.kind === "region" ? me.affiliation.code : "";
  if (!ownRegion || draft.provinceCode) return draft;
  const provinceCode = ownRegion.split(".")[0];
  return { ...draft, provinceCode, regionCode: ownRegion === provinceCode ? "" : ownRegion };
}

/** Promoting a discussion that already is a practice says so, rather than "conflict". */
function promoteError(err: unknown, locale: Locale): Described {
  if (isApiError(err) && err.code === "CONFLICT") return { key: "practices.promote.already" };
  return describeError(err, locale);
}

/**
 * The practice form's state: the draft as typed (kept on the device for a new practice), its checks
 * with the shared schemas, and the send for each mode, with where to go afterwards.
 */
export function usePracticeForm(mode: PracticeFormMode, me: UserEntity) {
  const locale = useLocale();
  const navigate = useNavigate();
  const createPractice = useStore((s) => s.createPractice);
  const updatePractice = useStore((s) => s.updatePractice);
  const promoteToPractice = useStore((s) => s.promoteToPractice);
  const toast = useStore((s) => s.pushToast);
  const roomOrder = useStore((s) => s.roomOrder);
  const roomsById = useStore((s) => s.roomsById);
  const form = useForm({
    describe: mode.kind === "promote" ? promoteError : describeError,
    fieldIssues: (err) => (err.code === "VALIDATION" ? practiceIssuesFromApi(err) : null),
  });
  const [typed, setDraft] = useState(() => startingDraft(mode, me, locale));
  const [sourceIds, setSourceIds] = useState<string[]>([]);

  const rooms = useMemo(
    () => roomOrder.map((rid) => roomsById[rid]).filter((r) => r !== undefined),
    [roomOrder, roomsById],
  );
  // Until one is picked, the room named in the URL, else the public-service room, else the first.
  const defaultRoom = rooms.find((r) => r.slug === DEFAULT_ROOM)?.slug ?? rooms[0]?.slug ?? "";
  const draft = mode.kind === "new" && !typed.roomSlug ? { ...typed, roomSlug: defaultRoom } : typed;

  // A new practice's draft survives reloads and failed sends.
  useEffect(() => {
    if (mode.kind === "new") newDraft.write(typed);
  }, [mode.kind, typed]);

  const update = (patch: Partial<PracticeDraft>) => setDraft((d) => ({ ...d, ...patch }));

  /** Every problem the draft has before it may go out, by field path. */
  const problems = (): { input: PracticeInput | null; found: FieldIssues } => {
    const candidate = practiceCandidate(draft, locale);
    const checked = PracticeInput.safeParse(candidate);
    const opening =
      mode.kind === "new" ? Opening.safeParse({ title: draft.title, summary: draft.summary }) : null;
    const found: FieldIssues = {
      ...(checked.success ? {} : practiceIssuesFromZod(checked.error, candidate)),
      // A number refused for its separators says why, rather than the generic "enter a number".
      ...draftNumberIssues(draft, locale),
      ...(opening && !opening.success
        ? issuesFromZod(opening.error, { title: draft.title, summary: draft.summary })
        : {}),
      ...(mode.kind === "new" && !draft.roomSlug ? { room: { key: "practices.error.room" } } : {}),
    };
    return { input: checked.success ? checked.data : null, found };
  };

  const submit = async () => {
    const { input, found } = problems();
    if (!input || Object.keys(found).length) {
      form.fail(found, { key: "form.fixErrors" });
      // Take the reader to the first field that needs attention.
      requestAnimationFrame(() => document.querySelector<HTMLElement>('[aria-invalid="true"]')?.focus());
      return;
    }
    let done = "";
    const sent = await form.submit(
      async () => {
        if (mode.kind === "promote") {
          await promoteToPractice(mode.threadId, { practice: input, sourcePostIds: sourceIds });
          toast({ tone: "success", message: "practices.promote.done" });
          done = mode.threadId;
        } else if (mode.kind === "edit") {
          const { derivedFrom, contact, ...rest } = input;
          await updatePractice(mode.id, {
            practice: { ...rest, contact: contact ?? null, derivedFrom: derivedFrom ?? null },
          });
          toast({ tone: "success", message: "practices.form.saved" });
          done = mode.id;
        } else {
          const created = await createPractice(draft.roomSlug, {
            title: draft.title,
            body: draft.summary,
            practice: input,
            clientId: draft.clientId,
          });
          newDraft.write(null);
          // An unverified author's practice waits in the approval queue: say so, not "published".
          toast(
            created.status === "queued"
              ? { tone: "info", message: "practices.form.queued" }
              : { tone: "success", message: "practices.form.created" },
          );
          done = created.id;
        }
      },
      { leaving: true },
    );
    if (sent) void navigate(`/practices/${done}`);
  };

  const toggleSource = (postId: string) =>
    setSourceIds((ids) => (ids.includes(postId) ? ids.filter((x) => x !== postId) : [...ids, postId]));

  return { form, draft, update, submit, rooms, sourceIds, toggleSource };
}

export type PracticeFormState = ReturnType<typeof usePracticeForm>;
