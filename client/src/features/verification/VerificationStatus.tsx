import type { VerificationRequestDto } from "@rembuk/shared";
import { Badge } from "../../components/Badge";
import { VerifiedIcon } from "../../components/Badge";
import { ClockIcon, MailIcon } from "../../components/icons";
import { useFormat } from "../../lib/format";
import { useT } from "../../lib/i18n";
import type { UserEntity } from "../users";
import { UserAffiliation, claimsOffice } from "../users";

/**
 * Where the person's claim stands, in words: verified, waiting (and whether the official address still
 * awaits its link), rejected with the moderator's reason, or nothing asked yet.
 */
export function VerificationStatus({
  user,
  request,
}: {
  user: UserEntity;
  request: VerificationRequestDto | null | undefined;
}) {
  const t = useT();
  const f = useFormat();
  const status = user.verified ? "verified" : (user.verification?.status ?? "none");
  const pending = request?.status === "pending" ? request : null;
  const claimed = claimsOffice(user);
  return (
    <div
      className={`verif-status verif-status--${status}`}
      data-testid="verification-status"
      data-status={status}
    >
      <div className="verif-status__head">
        {status === "verified" && (
          <Badge tone="verified" icon={<VerifiedIcon />}>
            {t("verification.status.verified")}
          </Badge>
        )}
        {status === "pending" && (
          <Badge tone="warning" icon={<ClockIcon />}>
            {t("verification.status.pending")}
          </Badge>
        )}
        {status === "rejected" && <Badge tone="danger">{t("verification.status.rejected")}</Badge>}
        {status === "none" && claimed && <Badge tone="unverified">{t("users.unverified")}</Badge>}
      </div>
      {(user.title || user.affiliation) && (
        <p className="verif-status__claim">
          <strong>{user.title || t("users.profile.noTitle")}</strong>
          {user.affiliation && (
            <>
              {" · "}
              <UserAffiliation affiliation={user.affiliation} showEmpty={false} />
            </>
          )}
        </p>
      )}
      <p className="verif-status__text">
        {status === "none" && !claimed
          ? t("verification.status.noClaim.explain")
          : t(`verification.status.${status}.explain`)}
      </p>
      {status === "rejected" && user.verification?.reason && (
        <p className="verif-status__reason" data-testid="verification-reason">
          {t("verification.status.reason", { reason: user.verification.reason })}
        </p>
      )}
      {pending && (
        <p className="verif-status__text muted">
          {t("verification.status.sentAt", { date: f.dateTime(pending.createdAt) })}
        </p>
      )}
      {pending?.officialEmail && (
        <p
          className={
            pending.officialEmail.confirmed
              ? "verif-status__mail"
              : "verif-status__mail verif-status__mail--waiting"
          }
          data-testid="official-email-state"
          data-confirmed={pending.officialEmail.confirmed}
        >
          <MailIcon />
          {pending.officialEmail.confirmed
            ? t("verification.officialEmail.confirmed", { email: pending.officialEmail.masked })
            : t("verification.officialEmail.waiting", { email: pending.officialEmail.masked })}
        </p>
      )}
    </div>
  );
}
