import { useEffect, useState } from "react";
import { Link } from "react-router";
import { useShallow } from "zustand/react/shallow";
import type { VerificationRequestDto } from "@rembuk/shared";
import { Badge } from "../../components/Badge";
import { Button } from "../../components/Button";
import { EmptyState } from "../../components/EmptyState";
import { Skeleton } from "../../components/Skeleton";
import { CheckIcon, CloseIcon, InboxIcon, MailIcon } from "../../components/icons";
import { useFormat } from "../../lib/format";
import { useT, type MessageKey } from "../../lib/i18n";
import { useStore } from "../../store";
import { ReasonDialog } from "../moderation/ReasonDialog";
import { useModAction } from "../moderation/useModAction";
import { PostAuthor } from "../posts/PostAuthor";
import { UserAffiliation } from "../users/UserAffiliation";
import { OfficeMark } from "../users/UserBadges";
import type { QueueStatus } from "./verification.slice";
import { verificationSelectors } from "./verification.slice";
import "./verification.css";

const STATUSES: QueueStatus[] = ["pending", "approved", "rejected"];
const STATUS_KEYS: Record<QueueStatus, MessageKey> = {
  pending: "verification.queue.status.pending",
  approved: "verification.queue.status.approved",
  rejected: "verification.queue.status.rejected",
};

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

function VerificationCard({ id }: { id: string }) {
  const t = useT();
  const f = useFormat();
  const request: VerificationRequestDto | undefined = useStore((s) => s.verificationsById[id]);
  const decide = useStore((s) => s.decideVerification);
  const revoke = useStore((s) => s.revokeVerification);
  const run = useModAction();
  const [open, setOpen] = useState<null | "reject" | "revoke">(null);
  const [busy, setBusy] = useState(false);
  if (!request) return null;
  const name = request.user.name;
  const blocking = request.conflicts.some((c) => c.verified);

  const approve = async () => {
    setBusy(true);
    await run(() => decide(request.id, "approve"), "verification.queue.approvedToast");
    setBusy(false);
  };

  return (
    <li
      className="mod-card verif-card"
      data-testid="verif-item"
      data-status={request.status}
      data-user-id={request.user.id}
    >
      <div className="mod-card__top">
        <span className="mod-pill">
          {t(STATUS_KEYS[request.status === "cancelled" ? "rejected" : request.status])}
        </span>
        <span className="mod-card__when">
          {t("verification.queue.requested", { when: f.relative(request.createdAt) })}
        </span>
      </div>
      <PostAuthor author={request.user} />
      <dl className="verif-facts">
        <div>
          <dt>{t("verification.queue.claim")}</dt>
          <dd data-testid="verif-claim">
            <strong>{request.title}</strong> · <UserAffiliation affiliation={request.affiliation} />
            {request.office && (
              <span className="verif-office">
                {" "}
                · {t("verification.queue.office", { office: request.office })}
              </span>
            )}
          </dd>
        </div>
        <div>
          <dt>{t("verification.queue.officialEmail")}</dt>
          <dd data-testid="verif-email">
            {request.officialEmail ? (
              <span className="verif-mail">
                <MailIcon /> {request.officialEmail.masked}{" "}
                <Badge
                  tone={request.officialEmail.confirmed ? "verified" : "warning"}
                  testId="verif-email-state"
                >
                  {t(
                    request.officialEmail.confirmed
                      ? "verification.queue.emailConfirmed"
                      : "verification.queue.emailWaiting",
                  )}
                </Badge>
              </span>
            ) : (
              <span className="muted">{t("verification.queue.noEmail")}</span>
            )}
          </dd>
        </div>
        <div>
          <dt>{t("verification.queue.decree")}</dt>
          <dd data-testid="verif-decree">
            {request.decree ? (
              t("verification.queue.decreeValue", {
                number: request.decree.number,
                date: f.date(`${request.decree.date}T00:00:00`),
              })
            ) : (
              <span className="muted">{t("verification.queue.noDecree")}</span>
            )}
          </dd>
        </div>
        {request.note && (
          <div>
            <dt>{t("verification.queue.note")}</dt>
            <dd>
              <p className="mod-card__note">{request.note}</p>
            </dd>
          </div>
        )}
      </dl>
      {request.conflicts.length > 0 && (
        <div className="verif-conflicts" role="note" data-testid="verif-conflicts">
          <p className="verif-conflicts__title">{t("verification.queue.conflicts")}</p>
          <ul>
            {request.conflicts.map((c) => (
              <li key={c.user.id} data-testid="verif-conflict">
                <Link to={`/users/${encodeURIComponent(c.user.id)}`}>{c.user.name}</Link>
                {c.user.title && <span className="muted"> · {c.user.title}</span>}{" "}
                <OfficeMark person={c.user} />{" "}
                <span className="verif-conflicts__state">
                  {t(
                    c.verified
                      ? "verification.queue.conflict.verified"
                      : c.pending
                        ? "verification.queue.conflict.pending"
                        : "verification.queue.conflict.claims",
                  )}
                </span>
              </li>
            ))}
          </ul>
          {blocking && request.status === "pending" && (
            <p className="verif-conflicts__hint">{t("verification.queue.conflictBlocks")}</p>
          )}
        </div>
      )}
      {request.status !== "pending" && request.decidedAt && (
        <p className="mod-card__outcome">
          {t("verification.queue.decided", {
            status: t(STATUS_KEYS[request.status === "approved" ? "approved" : "rejected"]),
            name: request.decidedBy?.name ?? "—",
            when: f.relative(request.decidedAt),
          })}
          {request.reason && (
            <span className="mod-card__outcome-note">
              {" "}
              · {t("verification.queue.reason", { reason: request.reason })}
            </span>
          )}
        </p>
      )}
      <div className="mod-card__actions">
        {request.status === "pending" && (
          <>
            <Button
              size="sm"
              icon={<CheckIcon />}
              loading={busy}
              disabled={blocking}
              onClick={() => void approve()}
              data-testid="verif-approve"
            >
              {t("verification.queue.approve")}
            </Button>
            <Button
              size="sm"
              variant="danger"
              icon={<CloseIcon />}
              onClick={() => setOpen("reject")}
              data-testid="verif-reject"
            >
              {t("verification.queue.reject")}
            </Button>
          </>
        )}
        {request.status === "approved" && request.user.verified && (
          <Button size="sm" variant="danger" onClick={() => setOpen("revoke")} data-testid="verif-revoke">
            {t("verification.queue.revoke")}
          </Button>
        )}
      </div>
      {open === "reject" && (
        <ReasonDialog
          title={t("verification.queue.rejectTitle")}
          description={t("verification.queue.rejectDescription", { name })}
          required
          presets={false}
          submitLabel={t("verification.queue.reject")}
          submitVariant="danger"
          doneMessage="verification.queue.rejected"
          onSubmit={async (reason) => decide(request.id, "reject", reason)}
          onClose={() => setOpen(null)}
          testId="verif-reject-dialog"
        />
      )}
      {open === "revoke" && (
        <ReasonDialog
          title={t("verification.queue.revokeTitle")}
          description={t("verification.queue.revokeDescription", { name })}
          required
          presets={false}
          submitLabel={t("verification.queue.revoke")}
          submitVariant="danger"
          doneMessage="verification.queue.revoked"
          onSubmit={async (reason) => revoke(request.user.id, reason ?? "")}
          onClose={() => setOpen(null)}
          testId="verif-revoke-dialog"
        />
      )}
    </li>
  );
}
