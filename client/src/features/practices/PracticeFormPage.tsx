import { useEffect, useMemo, useRef, useState } from "react";
import { Link, useNavigate, useParams, useSearchParams } from "react-router";
import {
  COST_SOURCES,
  LIMITS,
  PRACTICE_LIMITS,
  PRACTICE_STAGES,
  PracticeInput,
  ThreadTitle,
  PostBody,
  todayInIndonesia,
  type PostDto,
} from "@rembuk/shared";
import { z } from "zod";
import { usePageTitle } from "../../app/usePageTitle";
import { Button } from "../../components/Button";
import { EmptyState } from "../../components/EmptyState";
import { Field, FormAlert } from "../../components/Field";
import { Spinner } from "../../components/Spinner";
import { isApiError } from "../../lib/api";
import { formatNumber } from "../../lib/format";
import { readNumber, readRupiah } from "../../lib/numberInput";
import { describeError } from "../../lib/errors";
import { useLocale, useT } from "../../lib/i18n";
import { issueText, issuesFromZod, type FieldIssues } from "../../lib/validation";
import { useStore } from "../../store";
import { newClientId, postsApi } from "../posts";
import { localized } from "../rooms";
import { RegionPicker } from "../users";
import { SectorOptions } from "./DirectoryFiltersForm";
import {
  PracticeDraft,
  draftFromRecord,
  draftNumberIssues,
  emptyDraft,
  emptyResult,
  practiceCandidate,
  practiceIdFrom,
  practiceIssuesFromApi,
  practiceIssuesFromZod,
} from "./practice.form";
import { COST_SOURCE_KEYS, SDG_KEYS, STAGE_KEYS } from "./practices.format";
import { practiceSelectors } from "./practices.slice";
import "./practices.css";

const DRAFT_KEY = "rembuk:practice-draft";
const DEFAULT_ROOM = "inovasi-pelayanan-publik";

function readDraft(): PracticeDraft | null {
  try {
    const parsed = PracticeDraft.safeParse(JSON.parse(localStorage.getItem(DRAFT_KEY) ?? "null"));
    return parsed.success ? parsed.data : null;
  } catch {
    return null;
  }
}

function writeDraft(d: PracticeDraft | null) {
  try {
    if (d) localStorage.setItem(DRAFT_KEY, JSON.stringify(d));
    else localStorage.removeItem(DRAFT_KEY);
  } catch {
    // No storage: the form keeps the draft for this visit.
  }
}

/** A reply's first words, cut at a word boundary. */
function excerpt(text: string, max = 160): string {
  const plain = text.replace(/\s+/g, " ").trim();
  if (plain.length <= max) return plain;
  const cut = plain.slice(0, max);
  return `${cut.slice(0, Math.max(cut.lastIndexOf(" "), max / 2))}…`;
}

/** The opening thread fields for a new practice, checked with the threads feature's own schemas. */
const Opening = z.object({ title: ThreadTitle, summary: PostBody });

/**
 * `/practices/new` (optionally `?from=<id>` for an adaptation, `?room=<slug>`), `/practices/:id/edit`,
 * and `/threads/:threadId/promote` (a moderator turns a discussion into a practice record).
 */
export function PracticeFormPage() {
  const { id, threadId: promoteId } = useParams();
  const editing = id !== undefined;
  const promoting = promoteId !== undefined;
  const [params] = useSearchParams();
  const t = useT();
  const locale = useLocale();
  const navigate = useNavigate();
  const existing = useStore(practiceSelectors.byId(id));
  const loadPage = useStore((s) => s.loadPracticePage);
  const loadRegions = useStore((s) => s.loadRegions);
  const loadSectors = useStore((s) => s.loadSectors);
  const sectors = useStore((s) => s.sectors);
  const createPractice = useStore((s) => s.createPractice);
  const updatePractice = useStore((s) => s.updatePractice);
  const promoteToPractice = useStore((s) => s.promoteToPractice);
  const discussion = useStore((s) => (promoteId ? s.threadsById[promoteId] : undefined));
  const loadThread = useStore((s) => s.loadThread);
  const [sourcePosts, setSourcePosts] = useState<PostDto[]>([]);
  const [sourceIds, setSourceIds] = useState<string[]>([]);
  const toast = useStore((s) => s.pushToast);
  const me = useStore((s) => (s.currentUserId ? s.usersById[s.currentUserId] : undefined));
  const roomOrder = useStore((s) => s.roomOrder);
  const roomsById = useStore((s) => s.roomsById);
  const fromId = params.get("from") ?? "";
  const parent = useStore(practiceSelectors.byId(practiceIdFrom(fromId) || undefined));

  const [draft, setDraft] = useState<PracticeDraft | null>(() => {
    if (editing) return null;
    if (promoting) return emptyDraft(newClientId());
    const saved = readDraft();
    const base = saved ?? emptyDraft(newClientId(), params.get("room") ?? "");
    const from = practiceIdFrom(fromId);
    return from ? { ...base, derivedFrom: from } : base;
  });
  const [issues, setIssues] = useState<FieldIssues>({});
  const [alert, setAlert] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const heading = editing
    ? "practices.form.editTitle"
    : promoting
      ? "practices.promote.title"
      : "practices.form.newTitle";
  usePageTitle(t(heading));

  useEffect(() => {
    void loadRegions();
    void loadSectors();
  }, [loadRegions, loadSectors]);

  useEffect(() => {
    if (id) void loadPage(id);
  }, [id, loadPage]);
  // Promoting: the discussion and its replies (the ones the record may cite).
  useEffect(() => {
    if (!promoteId) return;
    void loadThread(promoteId).catch(() => undefined);
    postsApi.list(promoteId, { afterSeq: 0, limit: 100 }).then(
      (page) => setSourcePosts(page.posts.filter((p) => !p.deleted && p.seq > 1)),
      () => setSourcePosts([]),
    );
  }, [promoteId, loadThread]);
  const from = practiceIdFrom(fromId);
  useEffect(() => {
    if (from && !parent) void loadPage(from);
  }, [from, parent, loadPage]);

  // The edit form starts from the saved record, once it is here.
  useEffect(() => {
    if (editing && existing && draft === null)
      setDraft(draftFromRecord(existing.practice, locale, newClientId()));
  }, [editing, existing, draft, locale]);

  // A new practice's draft survives reloads and failed sends.
  useEffect(() => {
    if (!editing && !promoting && draft) writeDraft(draft);
  }, [editing, promoting, draft]);

  // A default room once the list is known: the one named in the URL, else the public-service room.
  const rooms = useMemo(
    () => roomOrder.map((rid) => roomsById[rid]).filter((r) => r !== undefined),
    [roomOrder, roomsById],
  );
  useEffect(() => {
    if (editing || promoting || !draft || draft.roomSlug || rooms.length === 0) return;
    const slug = rooms.find((r) => r.slug === DEFAULT_ROOM)?.slug ?? rooms[0].slug;
    setDraft({ ...draft, roomSlug: slug });
  }, [editing, draft, rooms]);

  // A new practice is usually about the author's own region: start from their affiliation, once
  // (clearing the region afterwards must not bring it back).
  const prefilled = useRef(false);
  const ownRegion = me?.affiliation?.kind === "region" ? me.affiliation.code : "";
  useEffect(() => {
    if (prefilled.current || editing || promoting || !draft || !me) return;
    prefilled.current = true;
    if (!ownRegion || draft.provinceCode) return;
    const provinceCode = ownRegion.split(".")[0];
    setDraft({ ...draft, provinceCode, regionCode: ownRegion === provinceCode ? "" : ownRegion });
  }, [editing, promoting, draft, ownRegion, me]);

  if (!me) {
    return (
      <div className="page page--narrow">
        <EmptyState
          as="h1"
          title={t("practices.form.signIn")}
          action={
            <Link to={`/login?next=${encodeURIComponent("/practices/new")}`}>{t("rooms.signIn.action")}</Link>
          }
        />
      </div>
    );
  }
  // A copy from the directory has no abilities yet: the page's own load brings them (the server refuses anyway).
  if (editing && existing?.can && !existing.can.editPractice) {
    return (
      <div className="page page--narrow">
        <EmptyState as="h1" title={t("practices.form.forbidden")} />
      </div>
    );
  }
  if (!draft) {
    return (
      <div className="page page--narrow">
        <Spinner label={t("ui.loading")} />
      </div>
    );
  }

  const update = (patch: Partial<PracticeDraft>) => setDraft((d) => (d ? { ...d, ...patch } : d));
  const updateResult = (i: number, patch: Partial<PracticeDraft["results"][number]>) =>
    update({ results: draft.results.map((r, j) => (j === i ? { ...r, ...patch } : r)) });

  const submit = async () => {
    setAlert(null);
    const candidate = practiceCandidate(draft, locale);
    const checked = PracticeInput.safeParse(candidate);
    const opening =
      editing || promoting ? null : Opening.safeParse({ title: draft.title, summary: draft.summary });
    const numbers = draftNumberIssues(draft, locale);
    const found: FieldIssues = {
      ...(checked.success ? {} : practiceIssuesFromZod(checked.error, candidate)),
      // A number refused for its separators says why, rather than the generic "enter a number".
      ...numbers,
      ...(opening && !opening.success
        ? issuesFromZod(opening.error, { title: draft.title, summary: draft.summary })
        : {}),
      ...(!editing && !promoting && !draft.roomSlug ? { room: { key: "practices.error.room" } } : {}),
    };
    if (!checked.success || Object.keys(found).length) {
      setIssues(found);
      setAlert(t("form.fixErrors"));
      // Take the reader to the first field that needs attention.
      requestAnimationFrame(() => document.querySelector<HTMLElement>('[aria-invalid="true"]')?.focus());
      return;
    }
    setIssues({});
    setBusy(true);
    try {
      if (promoting && promoteId) {
        await promoteToPractice(promoteId, { practice: checked.data, sourcePostIds: sourceIds });
        toast({ tone: "success", message: "practices.promote.done" });
        void navigate(`/practices/${promoteId}`);
      } else if (editing && id) {
        const { derivedFrom, contact, ...rest } = checked.data;
        await updatePractice(id, {
          practice: { ...rest, contact: contact ?? null, derivedFrom: derivedFrom ?? null },
        });
        toast({ tone: "success", message: "practices.form.saved" });
        void navigate(`/practices/${id}`);
      } else {
        const created = await createPractice(draft.roomSlug, {
          title: draft.title,
          body: draft.summary,
          practice: checked.data,
          clientId: draft.clientId,
        });
        writeDraft(null);
        // An unverified author's practice waits in the approval queue: say so, not "published".
        toast(
          created.status === "queued"
            ? { tone: "info", message: "practices.form.queued" }
            : { tone: "success", message: "practices.form.created" },
        );
        void navigate(`/practices/${created.id}`);
      }
    } catch (err) {
      setBusy(false);
      if (isApiError(err) && err.code === "VALIDATION") setIssues(practiceIssuesFromApi(err));
      const { key, params: p } = describeError(err, locale);
      setAlert(
        promoting && isApiError(err) && err.code === "CONFLICT" ? t("practices.promote.already") : t(key, p),
      );
    }
  };

  const err = (path: string) => issueText(t, issues[path]);
  const required = t("form.requiredMark");
  /** "12 of at least 20 characters" while short, then "25 characters, enough". */
  const count = (text: string, min: number) => {
    const n = text.trim().length;
    return t(n < min ? "form.count.short" : "form.count.ok", { count: n, min });
  };
  /** How a typed number was read ("dibaca: 2,5"), or why it cannot be, while the person types. */
  const readAs = (text: string, rupiah = false) => {
    if (!text.trim()) return null;
    const reading = rupiah ? readRupiah(text, locale) : readNumber(text, locale);
    if (reading.ok) {
      const shown = rupiah
        ? formatNumber(reading.value, locale, {
            style: "currency",
            currency: "IDR",
            maximumFractionDigits: 0,
          })
        : formatNumber(reading.value, locale, { maximumFractionDigits: 10 });
      return t("practices.form.readAs", { value: shown });
    }
    // Short while typing (the columns are narrow); the full explanation comes with the field error.
    if (reading.reason === "wrongSeparator" && reading.suggestion)
      return t("practices.form.readAsSuggest", { suggestion: reading.suggestion });
    if (reading.reason === "ambiguous")
      return t("practices.form.readAsAmbiguous", { thousands: reading.asThousands });
    return t("practices.form.readAsNone");
  };
  const today = todayInIndonesia();

  return (
    <div className="page page--narrow practice-form-page">
      <header className="page-header">
        <h1 className="page-title">{t(heading)}</h1>
        <p className="page-lead">
          {promoting
            ? t("practices.promote.lead", { title: discussion?.title ?? "…" })
            : t(editing ? "practices.form.editLead" : "practices.form.newLead")}
        </p>
      </header>
      <form
        className="form form--card card practice-form"
        noValidate
        data-testid="practice-form"
        onSubmit={(e) => {
          e.preventDefault();
          void submit();
        }}
      >
        {alert && <FormAlert testId="practice-form-alert">{alert}</FormAlert>}

        {!editing && !promoting && (
          <fieldset className="fieldset">
            <legend className="section-title">{t("practices.form.section.story")}</legend>
            <Field
              label={t("practices.form.room")}
              requiredText={required}
              hint={t("practices.form.roomHint")}
              error={err("room")}
              testId="practice-room"
            >
              {(c) => (
                <select
                  {...c}
                  className="input select"
                  value={draft.roomSlug}
                  data-testid="practice-room"
                  onChange={(e) => update({ roomSlug: e.target.value })}
                >
                  {rooms.map((r) => (
                    <option key={r.id} value={r.slug}>
                      {localized(r.name, locale)}
                    </option>
                  ))}
                </select>
              )}
            </Field>
            <Field
              label={t("practices.form.title")}
              requiredText={required}
              status={count(draft.title, LIMITS.threadTitle.min)}
              error={err("title")}
              testId="practice-title"
            >
              {(c) => (
                <input
                  {...c}
                  className="input"
                  value={draft.title}
                  maxLength={LIMITS.threadTitle.max}
                  data-testid="practice-title-input"
                  onChange={(e) => update({ title: e.target.value })}
                />
              )}
            </Field>
            <Field
              label={t("practices.form.summary")}
              requiredText={required}
              hint={t("practices.form.summaryHint")}
              error={err("summary") ?? err("body")}
              testId="practice-summary"
            >
              {(c) => (
                <textarea
                  {...c}
                  className="input textarea"
                  rows={3}
                  value={draft.summary}
                  data-testid="practice-summary"
                  onChange={(e) => update({ summary: e.target.value })}
                />
              )}
            </Field>
          </fieldset>
        )}

        <fieldset className="fieldset">
          {(editing || promoting) && (
            <legend className="section-title">{t("practices.form.section.story")}</legend>
          )}
          <Field
            label={t("practices.form.problem")}
            requiredText={required}
            status={count(draft.problem, PRACTICE_LIMITS.problem.min)}
            hint={t("practices.form.problemHint")}
            error={err("problem")}
            testId="practice-problem"
          >
            {(c) => (
              <textarea
                {...c}
                className="input textarea"
                rows={4}
                maxLength={PRACTICE_LIMITS.problem.max}
                value={draft.problem}
                data-testid="practice-problem"
                onChange={(e) => update({ problem: e.target.value })}
              />
            )}
          </Field>
          <Field
            label={t("practices.form.approach")}
            requiredText={required}
            status={count(draft.approach, PRACTICE_LIMITS.approach.min)}
            hint={t("practices.form.approachHint")}
            error={err("approach")}
            testId="practice-approach"
          >
            {(c) => (
              <textarea
                {...c}
                className="input textarea"
                rows={6}
                maxLength={PRACTICE_LIMITS.approach.max}
                value={draft.approach}
                data-testid="practice-approach"
                onChange={(e) => update({ approach: e.target.value })}
              />
            )}
          </Field>
        </fieldset>

        <fieldset className="fieldset">
          <legend className="section-title">{t("practices.form.section.results")}</legend>
          <p className="field__hint">{t("practices.form.resultsHint")}</p>
          {draft.results.map((r, i) => (
            <div key={i} className="result-row" data-testid="practice-result">
              <Field label={t("practices.form.indicator")} error={err(`results.${i}.indicator`)}>
                {(c) => (
                  <input
                    {...c}
                    className="input"
                    value={r.indicator}
                    maxLength={PRACTICE_LIMITS.indicator.max}
                    onChange={(e) => updateResult(i, { indicator: e.target.value })}
                  />
                )}
              </Field>
              <Field
                label={t("practices.form.before")}
                status={readAs(r.before)}
                error={err(`results.${i}.before`)}
                testId={`practice-result-${i}-before`}
              >
                {(c) => (
                  <input
                    {...c}
                    className="input"
                    inputMode="decimal"
                    value={r.before}
                    onChange={(e) => updateResult(i, { before: e.target.value })}
                  />
                )}
              </Field>
              <Field
                label={t("practices.form.after")}
                status={readAs(r.after)}
                error={err(`results.${i}.after`)}
                testId={`practice-result-${i}-after`}
              >
                {(c) => (
                  <input
                    {...c}
                    className="input"
                    inputMode="decimal"
                    value={r.after}
                    onChange={(e) => updateResult(i, { after: e.target.value })}
                  />
                )}
              </Field>
              <Field label={t("practices.form.unit")} optionalText={t("ui.optional")}>
                {(c) => (
                  <input
                    {...c}
                    className="input"
                    value={r.unit}
                    maxLength={PRACTICE_LIMITS.unit.max}
                    onChange={(e) => updateResult(i, { unit: e.target.value })}
                  />
                )}
              </Field>
              <Button
                variant="ghost"
                size="sm"
                className="result-row__remove"
                aria-label={t("practices.form.removeResult", { n: i + 1 })}
                onClick={() => update({ results: draft.results.filter((_, j) => j !== i) })}
              >
                ×
              </Button>
            </div>
          ))}
          {draft.results.length < PRACTICE_LIMITS.results.max && (
            <div>
              <Button
                variant="secondary"
                size="sm"
                data-testid="practice-add-result"
                onClick={() => update({ results: [...draft.results, emptyResult()] })}
              >
                {t("practices.form.addResult")}
              </Button>
            </div>
          )}
        </fieldset>

        <fieldset className="fieldset">
          <legend className="section-title">{t("practices.form.section.facts")}</legend>
          <div data-testid="practice-region" className="practice-form__region">
            <p className="field__label">
              {t("practices.form.region")}
              <span className="field__required" aria-hidden="true">
                {" "}
                *
              </span>
              <span className="sr-only"> ({required})</span>
            </p>
            <RegionPicker
              value={{ provinceCode: draft.provinceCode, regionCode: draft.regionCode }}
              onChange={(v) => update({ provinceCode: v.provinceCode, regionCode: v.regionCode })}
              provinceError={err("regionCode")}
            />
          </div>
          <Field
            label={t("practices.form.sector")}
            requiredText={required}
            hint={t("practices.form.sectorHint")}
            error={err("sector")}
            testId="practice-sector"
          >
            {(c) => (
              <select
                {...c}
                className="input select"
                value={draft.sector}
                data-testid="practice-sector"
                onChange={(e) => update({ sector: e.target.value })}
              >
                <option value="">{t("practices.form.sectorPlaceholder")}</option>
                <SectorOptions sectors={sectors} />
              </select>
            )}
          </Field>
          <fieldset className="fieldset" aria-describedby={issues.stage ? "practice-stage-error" : undefined}>
            <legend className="field__label">
              {t("practices.form.stage")}
              <span className="field__required" aria-hidden="true">
                {" "}
                *
              </span>
              <span className="sr-only"> ({required})</span>
            </legend>
            <div className="choice-group">
              {PRACTICE_STAGES.map((s) => (
                <label key={s} className={draft.stage === s ? "choice choice--checked" : "choice"}>
                  <input
                    type="radio"
                    name="stage"
                    value={s}
                    checked={draft.stage === s}
                    data-testid={`practice-stage-${s}`}
                    aria-invalid={issues.stage ? true : undefined}
                    onChange={() => update({ stage: s })}
                  />
                  {t(STAGE_KEYS[s])}
                </label>
              ))}
            </div>
            {issues.stage && (
              <p className="field__error" id="practice-stage-error" data-testid="practice-stage-error">
                <svg viewBox="0 0 16 16" aria-hidden="true" focusable="false" className="field__error-icon">
                  <circle cx="8" cy="8" r="7" fill="currentColor" />
                  <path d="M8 4.2v4.6M8 10.9v.9" stroke="#fff" strokeWidth="1.8" strokeLinecap="round" />
                </svg>
                {err("stage")}
              </p>
            )}
          </fieldset>
          <Field
            label={t("practices.form.startDate")}
            requiredText={required}
            error={err("startDate")}
            testId="practice-start"
          >
            {(c) => (
              <input
                {...c}
                type="date"
                className="input input--short"
                min={PRACTICE_LIMITS.earliestDate}
                max={today}
                value={draft.startDate}
                data-testid="practice-start"
                onChange={(e) => update({ startDate: e.target.value })}
              />
            )}
          </Field>
          <div className="practice-form__cost">
            <Field
              label={t("practices.form.cost")}
              requiredText={required}
              status={readAs(draft.costAmount, true)}
              hint={t("practices.form.costHint")}
              error={err("cost.amount")}
              testId="practice-cost"
            >
              {(c) => (
                <input
                  {...c}
                  className="input"
                  inputMode="numeric"
                  value={draft.costAmount}
                  data-testid="practice-cost"
                  onChange={(e) => update({ costAmount: e.target.value })}
                />
              )}
            </Field>
            <Field label={t("practices.form.costSource")} requiredText={required} error={err("cost.source")}>
              {(c) => (
                <select
                  {...c}
                  className="input select"
                  value={draft.costSource}
                  data-testid="practice-cost-source"
                  onChange={(e) =>
                    update({ costSource: COST_SOURCES.find((x) => x === e.target.value) ?? "APBD" })
                  }
                >
                  {COST_SOURCES.map((s) => (
                    <option key={s} value={s}>
                      {t(COST_SOURCE_KEYS[s])}
                    </option>
                  ))}
                </select>
              )}
            </Field>
          </div>
        </fieldset>

        <fieldset className="fieldset">
          <legend className="section-title">{t("practices.form.section.more")}</legend>
          <fieldset className="fieldset">
            <legend className="field__label">
              {t("practices.form.sdgs")} <span className="field__optional">{t("ui.optional")}</span>
            </legend>
            <div className="sdg-picker">
              {SDG_KEYS.map((key, i) => {
                const n = i + 1;
                const on = draft.sdgs.includes(n);
                return (
                  <label key={key} className={on ? "sdg-pick sdg-pick--on" : "sdg-pick"} title={t(key)}>
                    <input
                      type="checkbox"
                      checked={on}
                      data-testid={`practice-sdg-${n}`}
                      onChange={() =>
                        update({ sdgs: on ? draft.sdgs.filter((x) => x !== n) : [...draft.sdgs, n] })
                      }
                    />
                    <span className={`sdg__n sdg--${n}`}>{n}</span>
                    <span className="sdg-pick__name">{t(key)}</span>
                  </label>
                );
              })}
            </div>
          </fieldset>
          <Field
            label={t("practices.form.links")}
            optionalText={t("ui.optional")}
            hint={t("practices.form.linksHint")}
            error={
              err("links") ??
              Object.keys(issues)
                .filter((k) => k.startsWith("links."))
                .map((k) => err(k))[0]
            }
            testId="practice-links"
          >
            {(c) => (
              <textarea
                {...c}
                className="input textarea"
                rows={2}
                value={draft.links}
                data-testid="practice-links"
                onChange={(e) => update({ links: e.target.value })}
              />
            )}
          </Field>
          <Field
            label={t("practices.form.contact")}
            optionalText={t("ui.optional")}
            hint={t("practices.form.contactHint")}
            error={err("contact")}
          >
            {(c) => (
              <input
                {...c}
                className="input"
                maxLength={PRACTICE_LIMITS.contact.max}
                value={draft.contact}
                data-testid="practice-contact"
                onChange={(e) => update({ contact: e.target.value })}
              />
            )}
          </Field>
          <Field
            label={t("practices.form.derivedFrom")}
            optionalText={t("ui.optional")}
            hint={t("practices.form.derivedFromHint")}
            error={err("derivedFrom")}
            testId="practice-derived"
          >
            {(c) =>
              draft.derivedFrom &&
              (parent?.id === draft.derivedFrom || existing?.practice.derivedFrom === draft.derivedFrom) ? (
                <div className="derived-chip" id={c.id}>
                  <Link to={`/practices/${draft.derivedFrom}`}>
                    {parent?.id === draft.derivedFrom ? parent.title : draft.derivedFrom}
                  </Link>
                  <Button size="sm" variant="ghost" onClick={() => update({ derivedFrom: "" })}>
                    {t("practices.form.derivedFromRemove")}
                  </Button>
                </div>
              ) : (
                <input
                  {...c}
                  className="input"
                  value={draft.derivedFrom}
                  placeholder="https://…/practices/…"
                  data-testid="practice-derived"
                  onChange={(e) =>
                    update({ derivedFrom: practiceIdFrom(e.target.value) || e.target.value.trim() })
                  }
                />
              )
            }
          </Field>
        </fieldset>

        {promoting && sourcePosts.length > 0 && (
          <fieldset className="fieldset" data-testid="promote-sources">
            <legend className="section-title">{t("practices.promote.sources")}</legend>
            <p className="field__hint">{t("practices.promote.sourcesHint")}</p>
            <ul className="source-picker">
              {sourcePosts.map((p) => {
                const on = sourceIds.includes(p.id);
                return (
                  <li key={p.id}>
                    <label className={on ? "source-pick source-pick--on" : "source-pick"}>
                      <input
                        type="checkbox"
                        checked={on}
                        data-testid={`promote-source-${p.seq}`}
                        onChange={() =>
                          setSourceIds(on ? sourceIds.filter((x) => x !== p.id) : [...sourceIds, p.id])
                        }
                      />
                      <span>
                        <strong>
                          #{p.seq} {p.author?.name ?? ""}
                        </strong>
                        <span className="source-pick__text">{excerpt(p.body ?? "")}</span>
                      </span>
                    </label>
                  </li>
                );
              })}
            </ul>
          </fieldset>
        )}

        <div className="form__actions">
          <Link
            to={
              editing && id
                ? `/practices/${id}`
                : promoting && promoteId
                  ? `/threads/${promoteId}`
                  : "/practices"
            }
            className="btn btn--ghost"
          >
            {t("practices.form.cancel")}
          </Link>
          <Button type="submit" loading={busy} data-testid="practice-submit">
            {t(
              editing
                ? "practices.form.save"
                : promoting
                  ? "practices.promote.submit"
                  : "practices.form.submit",
            )}
          </Button>
        </div>
      </form>
    </div>
  );
}
