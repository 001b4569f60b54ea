import type { Role } from "@rembuk/shared";
import { Badge, VerifiedIcon } from "../../components/Badge";
import { ShieldIcon } from "../../components/icons";
import { useT } from "../../lib/i18n";

const ROLE_KEYS = { admin: "users.role.admin", moderator: "users.role.moderator", member: "users.role.member" } as const;

export function roleKey(role: Role) {
  return ROLE_KEYS[role];
}

/** "Terverifikasi" with a seal; the explanation is in the title and for screen readers. */
export function VerifiedBadge() {
  const t = useT();
  return (
    <span title={t("users.verified.explain")}>
      <Badge tone="verified" icon={<VerifiedIcon />} testId="verified-badge">
        {t("users.verified")}
      </Badge>
    </span>
  );
}

/** Admin and moderator get a badge; members none (most people are members). */
export function RoleBadge({ role }: { role: Role }) {
  const t = useT();
  if (role === "member") return null;
  return (
    <Badge tone={role} icon={<ShieldIcon />} testId="role-badge">
      {t(roleKey(role))}
    </Badge>
  );
}
