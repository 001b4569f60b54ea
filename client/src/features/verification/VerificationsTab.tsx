import { useEffect, useState } from "react";
import { useShallow } from "zustand/react/shallow";
import { Button } from "../../components/Button";
import { EmptyState } from "../../components/EmptyState";
import { Skeleton } from "../../components/Skeleton";
import { InboxIcon } from "../../components/icons";
import { useT } from "../../lib/i18n";
import { useStore } from "../../store";
import { STATUS_KEYS, VerificationCard } from "./VerificationCard";
import type { QueueStatus } from "./verification.slice";
import { verificationSelectors } from "./verification.slice";
import "./verification.css";

const STATUSES: QueueStatus[] = ["pending", "approved", "rejected"];

/**
 * The moderators' verification queue: each claim with its evidence and any other account claiming the
 * same office; approve, reject with a reason the member reads, or revoke an approved one. New requests
 * and confirmations of official addresses arrive live.
 */
export function VerificationsTab() {
  const t = useT();
  const [status, setStatus] = useState<QueueStatus>("pending");
  const list = useStore(useShallow(verificationSelectors.list(status)));
  const loadVerifications = useStore((s) => s.loadVerifications);

  useEffect(() => {
    void loadVerifications(status);
  }, [status, loadVerifications]);

  return (
    <div className="mod-section">
      <div className="section-head">
        <h2 className="section-title">{t("verification.queue.title")}</h2>
        <span className="mod-live" aria-hidden="true">
          {t("moderation.live")}
        </span>
      </div>
      <p className="section-lead mod-lead">{t("verification.queue.lead")}</p>
      <div className="mod-filters">
        <div className="mod-segments" role="group" aria-label={t("verification.queue.filter")}>
          {STATUSES.map((s) => (
            <button
              key={s}
              type="button"
              className={`mod-segment${status === s ? " mod-segment--on" : ""}`}
              aria-pressed={status === s}
              onClick={() => setStatus(s)}
              data-testid={`verif-status-${s}`}
            >
              {t(STATUS_KEYS[s])}
            </button>
          ))}
        </div>
      </div>
      {list.status === "loading" && list.ids.length === 0 ? (
        <ul className="mod-list" aria-busy="true">
          <li className="mod-card">
            <Skeleton width="40%" />
            <Skeleton width="80%" />
          </li>
        </ul>
      ) : list.status === "error" && list.ids.length === 0 ? (
        <EmptyState
          title={t("verification.queue.error")}
          action={
            <Button variant="secondary" onClick={() => void loadVerifications(status)}>
              {t("ui.retry")}
            </Button>
          }
        />
      ) : list.ids.length === 0 ? (
        <EmptyState
          title={t(
            status === "pending" ? "verification.queue.empty.pending" : "verification.queue.empty.other",
          )}
          icon={<InboxIcon />}
        />
      ) : (
        <ul className="mod-list" data-testid="verif-list">
          {list.ids.map((id) => (
            <VerificationCard key={id} id={id} />
          ))}
        </ul>
      )}
    </div>
  );
}
