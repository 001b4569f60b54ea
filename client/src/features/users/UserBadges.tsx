import type { Affiliation, Role } from "@rembuk/shared";
import { Badge, VerifiedIcon } from "../../components/Badge";
import { ShieldIcon } from "../../components/icons";
import { useT } from "../../lib/i18n";

const ROLE_KEYS = {
  admin: "users.role.admin",
  moderator: "users.role.moderator",
  member: "users.role.member",
} as const;

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

/**
 * "Belum terverifikasi": the office a person states about themselves is only a claim until a moderator
 * checks it. Quiet (dashed, muted) so it reads as a caveat rather than an accusation.
 */
export function UnverifiedBadge() {
  const t = useT();
  return (
    <span title={t("users.unverified.explain")}>
      <Badge tone="unverified" testId="unverified-badge">
        {t("users.unverified")}
      </Badge>
    </span>
  );
}

/** Anything that names a person with an office: a post author, a host, an adopter, a region's people. */
export interface OfficeHolder {
  verified: boolean;
  title?: string;
  affiliation?: Affiliation | null;
}

/** True when the person states an office (a title or an affiliation): only then is there anything to verify. */
export function claimsOffice(person: OfficeHolder): boolean {
  return Boolean(person.title?.trim()) || Boolean(person.affiliation);
}

/**
 * The one place that decides how an office is marked wherever a name and office appear: verified shows
 * the seal, a stated but unchecked office shows "belum terverifikasi", no office shows nothing.
 */
export function OfficeMark({ person }: { person: OfficeHolder }) {
  if (person.verified) return <VerifiedBadge />;
  if (claimsOffice(person)) return <UnverifiedBadge />;
  return null;
}
