import { useState } from "react";
import { Link } from "react-router";
import type { VerificationRequestDto } from "@rembuk/shared";
import { Badge } from "../../components/Badge";
import { Button } from "../../components/Button";
import { MailIcon } from "../../components/icons";
import { useFormat } from "../../lib/format";
import { useT, type MessageKey } from "../../lib/i18n";
import { useStore } from "../../store";
import { DecisionButtons, ReasonDialog, ModCard, ModOutcome, usePendingModAction } from "../moderation";
import { PostAuthor } from "../posts";
import { UserAffiliation, OfficeMark } from "../users";
import "./verification.css";

import type { QueueStatus } from "./verification.slice";

/** A request's state as the tabs and each card name it. */
export const STATUS_KEYS: Record<QueueStatus, MessageKey> = {
  pending: "verification.queue.status.pending",
  approved: "verification.queue.status.approved",
  rejected: "verification.queue.status.rejected",
};

export function VerificationCard({ id }: { id: string }) {
  const t = useT();
  const f = useFormat();
  const request: VerificationRequestDto | undefined = useStore((s) => s.verificationsById[id]);
  const decide = useStore((s) => s.decideVerification);
  const revoke = useStore((s) => s.revokeVerification);
  const [busy, run] = usePendingModAction();
  const [open, setOpen] = useState<null | "reject" | "revoke">(null);
  if (!request) return null;
  const name = request.user.name;
  const blocking = request.conflicts.some((c) => c.verified);

  const approve = () => run(() => decide(request.id, "approve"), "verification.queue.approvedToast");

  return (
    <ModCard
      className="verif-card"
      data-testid="verif-item"
      data-status={request.status}
      data-user-id={request.user.id}
      top={
        <>
          <span className="mod-pill">
            {t(STATUS_KEYS[request.status === "cancelled" ? "rejected" : request.status])}
          </span>
          <span className="mod-card__when">
            {t("verification.queue.requested", { when: f.relative(request.createdAt) })}
          </span>
        </>
      }
      actions={
        <>
          {request.status === "pending" && (
            <DecisionButtons
              approve={{
                label: t("verification.queue.approve"),
                onClick: () => void approve(),
                loading: busy,
                disabled: blocking,
                testId: "verif-approve",
              }}
              reject={{
                label: t("verification.queue.reject"),
                onClick: () => setOpen("reject"),
                testId: "verif-reject",
              }}
            />
          )}
          {request.status === "approved" && request.user.verified && (
            <Button size="sm" variant="danger" onClick={() => setOpen("revoke")} data-testid="verif-revoke">
              {t("verification.queue.revoke")}
            </Button>
          )}
        </>
      }
      after={
        <>
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
        </>
      }
    >
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
        <ModOutcome
          note={request.reason && `· ${t("verification.queue.reason", { reason: request.reason })}`}
        >
          {t("verification.queue.decided", {
            status: t(STATUS_KEYS[request.status === "approved" ? "approved" : "rejected"]),
            name: request.decidedBy?.name ?? "—",
            when: f.relative(request.decidedAt),
          })}
        </ModOutcome>
      )}
    </ModCard>
  );
}
