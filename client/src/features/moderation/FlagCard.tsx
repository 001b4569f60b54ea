import { useState } from "react";
import { Link } from "react-router";
import type { FlagDto } from "@rembuk/shared";
import { Button } from "../../components/Button";
import { useFormat } from "../../lib/format";
import { useT } from "../../lib/i18n";
import { useStore } from "../../store";
import { CheckIcon, CloseIcon, EyeOffIcon } from "../../components/icons";
import { ReasonDialog } from "./ReasonDialog";
import { FlagNotes } from "./FlagNotes";
import { ModCard, ModOutcome } from "./ModCard";
import { useModAction } from "./useModAction";

/**
 * One flag in the moderators' list: what was reported and by whom, the target in short, who handles it,
 * resolve / dismiss / hide the post, and the moderators' notes on it.
 */
export function FlagCard({
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
  const resolveFlag = useStore((s) => s.resolveFlag);
  const moderatePost = useStore((s) => s.moderatePost);
  const run = useModAction();
  const [open, setOpen] = useState<null | "resolve" | "dismiss" | "hide">(null);
  if (!flag) return null;
  const target = flag.target;
  const href = target
    ? `/threads/${target.threadId}${target.type === "post" && target.seq > 0 ? `#post-${target.seq}` : ""}`
    : `/threads/${flag.threadId}`;
  const people =
    flag.assignee && !moderators.some((m) => m.id === flag.assignee?.id)
      ? [flag.assignee, ...moderators]
      : moderators;

  return (
    <ModCard
      className={`mod-card--flag${selected ? " mod-card--selected" : ""}`}
      data-testid="flag-item"
      data-flag-id={flag.id}
      top={
        <>
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
        </>
      }
    >
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
        <ModOutcome
          note={flag.resolution.note && t("moderation.flags.outcomeNote", { note: flag.resolution.note })}
        >
          {t("moderation.flags.outcome", {
            status: t(`moderation.flags.status.${flag.resolution.status}`),
            name: flag.resolution.by?.name ?? "?",
            when: f.relative(flag.resolution.at),
          })}
        </ModOutcome>
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
      <FlagNotes flag={flag} />
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
    </ModCard>
  );
}
