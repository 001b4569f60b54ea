import { useState } from "react";
import { Link } from "react-router";
import { Button } from "../../components/Button";
import { useT } from "../../lib/i18n";
import { useStore } from "../../store";
import { ReasonDialog } from "../moderation";
import type { UserEntity } from "../users";

/**
 * On someone else's profile, for moderators and admins: where the person's claim stands, the way to
 * the queue when it waits, and "revoke" when it is verified (a reason the person will read).
 */
export function ProfileVerificationTools({ user }: { user: UserEntity }) {
  const t = useT();
  const revoke = useStore((s) => s.revokeVerification);
  const [open, setOpen] = useState(false);
  if (!user.can?.verify) return null;
  const pending = user.verification?.status === "pending";
  if (!user.verified && !pending) return null;
  return (
    <div className="profile__mod" data-testid="profile-verification-tools">
      {pending && (
        <Link to="/moderation?tab=verifications" data-testid="profile-verification-queue">
          {t("verification.profile.pending")}
        </Link>
      )}
      {user.verified && (
        <Button size="sm" variant="danger" onClick={() => setOpen(true)} data-testid="profile-revoke">
          {t("verification.queue.revoke")}
        </Button>
      )}
      {open && (
        <ReasonDialog
          title={t("verification.queue.revokeTitle")}
          description={t("verification.queue.revokeDescription", { name: user.name })}
          required
          presets={false}
          submitLabel={t("verification.queue.revoke")}
          submitVariant="danger"
          doneMessage="verification.queue.revoked"
          onSubmit={async (reason) => revoke(user.id, reason ?? "")}
          onClose={() => setOpen(false)}
          testId="profile-revoke-dialog"
        />
      )}
    </div>
  );
}
