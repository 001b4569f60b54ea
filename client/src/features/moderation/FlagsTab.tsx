import { useEffect, useState } from "react";
import { Link } from "react-router";
import { MOD_LIMITS, type FlagDto, type FlagStatus } from "@rembuk/shared";
import { Button } from "../../components/Button";
import { EmptyState } from "../../components/EmptyState";
import { Skeleton } from "../../components/Skeleton";
import { useFormat } from "../../lib/format";
import { useLocale, useT, type MessageKey } from "../../lib/i18n";
import { useStore } from "../../store";
import { forumError } from "../posts/posts.errors";
import { CheckIcon, CloseIcon, EyeOffIcon, FlagIcon } from "../../components/icons";
import { moderationSelectors } from "./moderation.slice";
import { ReasonDialog } from "./ReasonDialog";
import { useModAction } from "./useModAction";

const STATUSES: FlagStatus[] = ["open", "resolved", "dismissed"];
const ASSIGNEES = ["all", "me", "none"] as const;
type Assignee = (typeof ASSIGNEES)[number];
const ASSIGNEE_LABEL: Record<Assignee, MessageKey> = {
  all: "moderation.flags.assignee.all",
  me: "moderation.flags.assignee.me",
  none: "moderation.flags.assignee.none",
};

/** Members' flags: by status and assignee, with bulk decisions, notes, assignment and in-place hiding. */
export function FlagsTab() {
  const t = useT();
  const f = useFormat();
  const locale = useLocale();
  const [status, setStatus] = useState<FlagStatus>("open");
  const [assignee, setAssignee] = useState<Assignee>("all");
  const [selected, setSelected] = useState<string[]>([]);
  const list = useStore(moderationSelectors.flagList(status, assignee));
  const loadFlags = useStore((s) => s.loadFlags);
  const loadModerators = useStore((s) => s.loadModerators);
  const bulkFlags = useStore((s) => s.bulkFlags);
  const me = useStore((s) => s.currentUserId);
  const toast = useStore((s) => s.pushToast);
  const [bulkBusy, setBulkBusy] = useState(false);

  useEffect(() => {
    void loadFlags(status, assignee);
    // eslint-disable-next-line react-hooks/set-state-in-effect -- a new filter empties the selection along with the reload it starts
    setSelected([]);
  }, [status, assignee, loadFlags]);
  useEffect(() => {
    void loadModerators();
  }, [loadModerators]);

  const visible = new Set(list.ids);
  const chosen = selected.filter((id) => visible.has(id));
  const allChosen = list.ids.length > 0 && chosen.length === list.ids.length;

  const bulk = async (action: "resolve" | "dismiss" | "assign") => {
    setBulkBusy(true);
    try {
      const result = await bulkFlags(chosen, action, action === "assign" ? { assigneeId: me } : {});
      toast(
        result.failed.length
          ? {
              tone: "info",
              message: "moderation.flags.bulk.partial",
              params: { count: result.flags.length, failed: result.failed.length },
            }
          : {
              tone: "success",
              message: "moderation.flags.bulk.done",
              params: { count: result.flags.length },
            },
      );
      setSelected([]);
    } catch (err) {
      const { key, params } = forumError(err, locale);
      toast({ tone: "error", message: key, params });
    } finally {
      setBulkBusy(false);
    }
  };

  return (
    <div className="mod-section">
      <div className="section-head">
        <h2 className="section-title">{t("moderation.flags.title")}</h2>
        <span className="mod-live" aria-hidden="true">
          {t("moderation.live")}
        </span>
      </div>
      <div className="mod-filters">
        <div className="mod-segments" role="group" aria-label={t("moderation.flags.status.label")}>
          {STATUSES.map((s) => (
            <button
              key={s}
              type="button"
              className={`mod-segment${status === s ? " mod-segment--on" : ""}`}
              aria-pressed={status === s}
              onClick={() => setStatus(s)}
              data-testid={`flags-status-${s}`}
            >
              {t(`moderation.flags.status.${s}`)}
            </button>
          ))}
        </div>
        <div className="mod-segments" role="group" aria-label={t("moderation.flags.assignee.label")}>
          {ASSIGNEES.map((a) => (
            <button
              key={a}
              type="button"
              className={`mod-segment${assignee === a ? " mod-segment--on" : ""}`}
              aria-pressed={assignee === a}
              onClick={() => setAssignee(a)}
              data-testid={`flags-assignee-${a}`}
            >
              {t(ASSIGNEE_LABEL[a])}
            </button>
          ))}
        </div>
      </div>

      {status === "open" && list.ids.length > 0 && (
        <div className="mod-bulk" data-testid="flags-bulk">
          <label className="mod-check">
            <input
              type="checkbox"
              checked={allChosen}
              onChange={(e) => setSelected(e.target.checked ? list.ids : [])}
              data-testid="flags-select-all"
            />
            <span>
              {chosen.length
                ? t("moderation.flags.selected", { count: f.number(chosen.length) })
                : t("moderation.flags.selectAll")}
            </span>
          </label>
          {chosen.length > 0 && (
            <div className="mod-bulk__actions">
              <Button
                size="sm"
                variant="secondary"
                icon={<CheckIcon />}
                loading={bulkBusy}
                onClick={() => void bulk("resolve")}
                data-testid="flags-bulk-resolve"
              >
                {t("moderation.flags.bulk.resolve")}
              </Button>
              <Button
                size="sm"
                variant="secondary"
                icon={<CloseIcon />}
                disabled={bulkBusy}
                onClick={() => void bulk("dismiss")}
                data-testid="flags-bulk-dismiss"
              >
                {t("moderation.flags.bulk.dismiss")}
              </Button>
              <Button
                size="sm"
                variant="ghost"
                disabled={bulkBusy}
                onClick={() => void bulk("assign")}
                data-testid="flags-bulk-assign"
              >
                {t("moderation.flags.bulk.assignMe")}
              </Button>
            </div>
          )}
        </div>
      )}

      {list.status === "loading" && list.ids.length === 0 ? (
        <ul className="mod-list" aria-busy="true">
          {[0, 1, 2].map((i) => (
            <li key={i} className="mod-card">
              <Skeleton width="35%" />
              <Skeleton width="85%" />
            </li>
          ))}
        </ul>
      ) : list.status === "error" && list.ids.length === 0 ? (
        <EmptyState
          title={t("moderation.flags.error")}
          action={
            <Button variant="secondary" onClick={() => void loadFlags(status, assignee)}>
              {t("ui.retry")}
            </Button>
          }
        />
      ) : list.ids.length === 0 ? (
        <EmptyState title={t("moderation.flags.empty.title")} icon={<FlagIcon />}>
          {t("moderation.flags.empty.body")}
        </EmptyState>
      ) : (
        <ul className="mod-list" data-testid="flag-list">
          {list.ids.map((id) => (
            <FlagCard
              key={id}
              id={id}
              selectable={status === "open"}
              selected={selected.includes(id)}
              onSelect={(on) => setSelected((cur) => (on ? [...cur, id] : cur.filter((x) => x !== id)))}
            />
          ))}
        </ul>
      )}
      {list.nextCursor && (
        <div className="mod-more">
          <Button
            variant="secondary"
            loading={list.status === "loadingMore"}
            onClick={() => void loadFlags(status, assignee, { more: true })}
          >
            {t("moderation.flags.more")}
          </Button>
        </div>
      )}
    </div>
  );
}

function FlagCard({
  id,
  selectable,
  selected,
  onSelect,
}: {
  id: string;
  selectable: boolean;
  selected: boolean;
  onSelect: (on: boolean) => void;
}) {
  const t = useT();
  const f = useFormat();
  const flag: FlagDto | undefined = useStore((s) => s.flagsById[id]);
  const moderators = useStore((s) => s.moderators);
  const assignFlag = useStore((s) => s.assignFlag);
  const addFlagNote = useStore((s) => s.addFlagNote);
  const resolveFlag = useStore((s) => s.resolveFlag);
  const moderatePost = useStore((s) => s.moderatePost);
  const run = useModAction();
  const [open, setOpen] = useState<null | "resolve" | "dismiss" | "hide">(null);
  const [note, setNote] = useState("");
  const [noting, setNoting] = useState(false);
  if (!flag) return null;
  const target = flag.target;
  const href = target
    ? `/threads/${target.threadId}${target.type === "post" && target.seq > 0 ? `#post-${target.seq}` : ""}`
    : `/threads/${flag.threadId}`;
  const people =
    flag.assignee && !moderators.some((m) => m.id === flag.assignee?.id)
      ? [flag.assignee, ...moderators]
      : moderators;

  const saveNote = async () => {
    if (!note.trim()) return;
    setNoting(true);
    if (await run(() => addFlagNote(flag.id, note.trim()), "moderation.flags.noteSaved")) setNote("");
    setNoting(false);
  };

  return (
    <li
      className={`mod-card mod-card--flag${selected ? " mod-card--selected" : ""}`}
      data-testid="flag-item"
      data-flag-id={flag.id}
    >
      <div className="mod-card__top">
        {selectable && (
          <input
            type="checkbox"
            className="mod-card__check"
            checked={selected}
            onChange={(e) => onSelect(e.target.checked)}
            aria-label={t("moderation.flags.select")}
            data-testid="flag-select"
          />
        )}
        <span className={`mod-pill mod-pill--${flag.reason}`}>{t(`moderation.reason.${flag.reason}`)}</span>
        <span className="mod-card__room">#{flag.roomSlug}</span>
        <span className="mod-card__when">{f.relative(flag.createdAt)}</span>
        {(flag.openOnTarget ?? 0) > 1 && (
          <span className="mod-pill mod-pill--count">
            {t("moderation.flags.others", { count: f.number(flag.openOnTarget ?? 0) })}
          </span>
        )}
      </div>
      <p className="mod-card__who">
        {t("moderation.flags.reportedBy", { name: flag.reporter?.name ?? "?" })}
      </p>
      {flag.note && <blockquote className="mod-card__note">{flag.note}</blockquote>}
      {target && (
        <div className="mod-target" data-testid="flag-target">
          <p className="mod-target__head">
            <span>
              {target.type === "post"
                ? t("moderation.flags.target.post", { seq: target.seq })
                : t("moderation.flags.target.thread")}
            </span>
            <span aria-hidden="true"> · </span>
            <Link to={href}>{target.threadTitle}</Link>
            {target.author && <span className="muted"> · {target.author.name}</span>}
            {target.status !== "published" && (
              <span className="mod-pill mod-pill--state">
                {t(target.status === "hidden" ? "threads.badge.hidden" : "threads.badge.queued")}
              </span>
            )}
          </p>
          <p className="mod-target__excerpt">
            {target.deleted ? t("moderation.flags.target.gone") : target.excerpt}
          </p>
        </div>
      )}
      {flag.resolution && (
        <p className="mod-card__outcome">
          {t("moderation.flags.outcome", {
            status: t(`moderation.flags.status.${flag.resolution.status}`),
            name: flag.resolution.by?.name ?? "?",
            when: f.relative(flag.resolution.at),
          })}
          {flag.resolution.note && (
            <span className="mod-card__outcome-note">
              {" "}
              {t("moderation.flags.outcomeNote", { note: flag.resolution.note })}
            </span>
          )}
        </p>
      )}
      <div className="mod-card__row">
        <label className="mod-inline-field">
          <span>{t("moderation.flags.assign")}</span>
          <select
            className="input input--compact"
            value={flag.assignee?.id ?? ""}
            onChange={(e) =>
              void run(() => assignFlag(flag.id, e.target.value || null), "moderation.flags.assigned")
            }
            data-testid="flag-assignee"
          >
            <option value="">{t("moderation.flags.unassigned")}</option>
            {people.map((m) => (
              <option key={m.id} value={m.id}>
                {m.name}
              </option>
            ))}
          </select>
        </label>
        {flag.status === "open" && (
          <div className="mod-card__actions">
            {target && target.type === "post" && target.status === "published" && !target.deleted && (
              <Button
                size="sm"
                variant="danger"
                icon={<EyeOffIcon />}
                onClick={() => setOpen("hide")}
                data-testid="flag-hide"
              >
                {t("moderation.flags.hideTarget")}
              </Button>
            )}
            <Button
              size="sm"
              variant="secondary"
              icon={<CheckIcon />}
              onClick={() => setOpen("resolve")}
              data-testid="flag-resolve"
            >
              {t("moderation.flags.resolve")}
            </Button>
            <Button
              size="sm"
              variant="ghost"
              icon={<CloseIcon />}
              onClick={() => setOpen("dismiss")}
              data-testid="flag-dismiss"
            >
              {t("moderation.flags.dismiss")}
            </Button>
          </div>
        )}
      </div>
      <details className="mod-notes" open={flag.notes !== undefined && flag.notes.length > 0}>
        <summary>
          {t("moderation.flags.notes")} ({f.number(flag.notes?.length ?? 0)})
        </summary>
        <ul className="mod-notes__list">
          {(flag.notes ?? []).map((n) => (
            <li key={n.id}>
              <strong>{n.author?.name ?? "?"}</strong>{" "}
              <span className="muted">{f.relative(n.createdAt)}</span>
              <p>{n.text}</p>
            </li>
          ))}
        </ul>
        <form
          className="mod-notes__form"
          onSubmit={(e) => {
            e.preventDefault();
            void saveNote();
          }}
        >
          <label className="sr-only" htmlFor={`note-${flag.id}`}>
            {t("moderation.flags.note.add")}
          </label>
          <input
            id={`note-${flag.id}`}
            className="input input--compact"
            placeholder={t("moderation.flags.note.placeholder")}
            maxLength={MOD_LIMITS.modNote.max}
            value={note}
            onChange={(e) => setNote(e.target.value)}
            data-testid="flag-note-input"
          />
          <Button
            type="submit"
            size="sm"
            variant="secondary"
            loading={noting}
            disabled={!note.trim()}
            data-testid="flag-note-save"
          >
            {t("moderation.flags.note.save")}
          </Button>
        </form>
      </details>
      {(open === "resolve" || open === "dismiss") && (
        <ReasonDialog
          title={t(
            open === "resolve" ? "moderation.dialog.resolve.title" : "moderation.dialog.dismiss.title",
          )}
          required={false}
          presets={false}
          fieldLabel={t("moderation.dialog.resolve.note")}
          fieldHint={t("moderation.dialog.resolve.note.hint")}
          submitLabel={t(
            open === "resolve" ? "moderation.dialog.submit.resolve" : "moderation.dialog.submit.dismiss",
          )}
          doneMessage={open === "resolve" ? "moderation.flags.resolved" : "moderation.flags.dismissed"}
          onSubmit={async (note) => {
            await resolveFlag(flag.id, {
              status: open === "resolve" ? "resolved" : "dismissed",
              ...(note ? { note } : {}),
            });
          }}
          onClose={() => setOpen(null)}
          testId="resolve-dialog"
        />
      )}
      {open === "hide" && target && (
        <ReasonDialog
          title={t("moderation.dialog.hide.title", { what: t("moderation.dialog.what.post") })}
          required
          submitLabel={t("moderation.dialog.submit.hide")}
          submitVariant="danger"
          doneMessage="moderation.tools.done.post.hide"
          onSubmit={async (reason) => {
            await moderatePost(target.id, { action: "hide", reason });
          }}
          onClose={() => setOpen(null)}
        />
      )}
    </li>
  );
}
