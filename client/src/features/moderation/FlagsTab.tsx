import { useEffect, useState } from "react";
import { type FlagStatus } from "@rembuk/shared";
import { Button } from "../../components/Button";
import { EmptyState } from "../../components/EmptyState";
import { Skeleton } from "../../components/Skeleton";
import { useFormat } from "../../lib/format";
import { useLocale, useT, type MessageKey } from "../../lib/i18n";
import { useStore } from "../../store";
import { forumError } from "../../lib/errors";
import { CheckIcon, CloseIcon, FlagIcon } from "../../components/icons";
import { moderationSelectors } from "./moderation.slice";
import { FlagCard } from "./FlagCard";

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
