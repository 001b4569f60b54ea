import type { Locale } from "@rembuk/shared";
import { formatDate, formatDateTime, formatDuration, formatNumber } from "../../lib/format";
import type { MessageKey, Translate } from "../../lib/i18n";

/**
 * The audit log's before → after values in the reader's language. The server records the model's
 * own field names and raw values (`locked: true`, `status: "hidden"`, `roomId: "66f…"`); this module
 * turns them into "Dikunci: tidak → ya", "Status: Terbit → Tersembunyi", "Ruang: Inovasi Desa".
 * A field the dictionary does not know yet shows as "Kolom lain", never as its raw English name.
 */

export const AUDIT_FIELDS = [
  "status",
  "rejected",
  "pinned",
  "pinnedUntil",
  "featured",
  "locked",
  "lockReason",
  "roomId",
  "roomSlug",
  "title",
  "tags",
  "body",
  "deleted",
  "role",
  "verified",
  "suspendedUntil",
  "suspendReason",
  "assigneeId",
  "note",
  "highlightedQuestion",
  "kind",
  "slug",
  "name",
  "description",
  "visibility",
  "slowModeSeconds",
  "preModerated",
  "allowedAffiliations",
  "moderators",
  "problem",
  "approach",
  "results",
  "cost",
  "regionCode",
  "sector",
  "stage",
  "startDate",
  "sdgs",
  "links",
  "contact",
  "derivedFrom",
  "text",
  "answer",
  "dismissReason",
  "mergedInto",
] as const;
export type AuditField = (typeof AUDIT_FIELDS)[number];

function isAuditField(name: string): name is AuditField {
  return (AUDIT_FIELDS as readonly string[]).includes(name);
}

/** The label of a recorded field ("Dikunci" for `locked`). */
export function auditFieldKey(name: string): MessageKey {
  return isAuditField(name) ? `moderation.field.${name}` : "moderation.field.other";
}

/** Enumerated values with their own words, by field. */
const ENUM_KEYS: Record<string, Record<string, MessageKey> | undefined> = {
  status: {
    published: "moderation.value.status.published",
    queued: "moderation.value.status.queued",
    hidden: "moderation.value.status.hidden",
    open: "moderation.value.status.open",
    resolved: "moderation.value.status.resolved",
    dismissed: "moderation.value.status.dismissed",
    pending: "moderation.value.status.pending",
    approved: "moderation.value.status.approved",
    answered: "moderation.value.status.answered",
    scheduled: "moderation.value.status.scheduled",
    live: "moderation.value.status.live",
    ended: "moderation.value.status.ended",
  },
  role: {
    admin: "moderation.value.role.admin",
    moderator: "moderation.value.role.moderator",
    member: "moderation.value.role.member",
  },
  visibility: {
    public: "moderation.value.visibility.public",
    members: "moderation.value.visibility.members",
    restricted: "moderation.value.visibility.restricted",
  },
  stage: {
    initiative: "moderation.value.stage.initiative",
    trial: "moderation.value.stage.trial",
    implemented: "moderation.value.stage.implemented",
  },
  kind: {
    discussion: "moderation.value.kind.discussion",
    practice: "moderation.value.kind.practice",
    "qa-archive": "moderation.value.kind.qa-archive",
  },
};

function enumKey(field: string, value: string): MessageKey | null {
  return ENUM_KEYS[field]?.[value] ?? null;
}

export interface AuditContext {
  t: Translate;
  locale: Locale;
  /** A room's name by id or slug, if this viewer knows it. */
  roomName: (idOrSlug: string) => string | null;
  /** A person's name by id, if known (moderators). */
  personName: (id: string) => string | null;
}

const LONG = 120;
const shorten = (s: string) => (s.length > LONG ? `${s.slice(0, LONG - 1)}…` : s);
const shortId = (id: string) => `#${id.slice(-6)}`;

function isRecord(v: unknown): v is Record<string, unknown> {
  return typeof v === "object" && v !== null && !Array.isArray(v);
}

function bilingual(v: Record<string, unknown>, locale: Locale): string | null {
  const text = v[locale] ?? v.id ?? v.en;
  return typeof text === "string" ? text : null;
}

/** One recorded value as the reader should see it. */
export function auditValue(field: string, value: unknown, ctx: AuditContext): string {
  const { t, locale } = ctx;
  if (value === null || value === undefined || value === "") return "—";
  if (typeof value === "boolean") return t(value ? "moderation.value.yes" : "moderation.value.no");
  if (typeof value === "number") {
    if (field === "slowModeSeconds")
      return value === 0 ? t("moderation.value.off") : formatDuration(value, locale);
    return formatNumber(value, locale);
  }
  if (typeof value === "string") {
    const key = enumKey(field, value);
    if (key) return t(key);
    if (/^\d{4}-\d{2}-\d{2}T/.test(value)) return formatDateTime(value, locale);
    if (/^\d{4}-\d{2}-\d{2}$/.test(value)) return formatDate(`${value}T00:00:00Z`, locale);
    if (field === "roomId") return ctx.roomName(value) ?? shortId(value);
    if (field === "roomSlug") return ctx.roomName(value) ?? value;
    if (field === "assigneeId") return ctx.personName(value) ?? shortId(value);
    if (/^[a-f0-9]{24}$/i.test(value)) return shortId(value);
    return shorten(value);
  }
  if (Array.isArray(value)) {
    if (value.length === 0) return "—";
    if (field === "sdgs") return value.map((n) => `SDG ${String(n)}`).join(", ");
    if (field === "moderators")
      return value
        .map((id) => (typeof id === "string" ? (ctx.personName(id) ?? shortId(id)) : "?"))
        .join(", ");
    if (field === "allowedAffiliations")
      return value.map((a) => (isRecord(a) ? String(a.kind === "agency" ? a.name : a.code) : "?")).join(", ");
    if (value.every((x) => typeof x === "string")) return shorten(value.join(", "));
    return t("moderation.value.items", { count: formatNumber(value.length, locale) });
  }
  if (isRecord(value)) {
    if (field === "cost" && typeof value.amount === "number") {
      if (value.amount === 0) return t("moderation.value.free");
      const amount = formatNumber(value.amount, locale, {
        style: "currency",
        currency: "IDR",
        maximumFractionDigits: 0,
      });
      return typeof value.source === "string" ? `${amount} · ${value.source}` : amount;
    }
    const named = bilingual(value, locale);
    if (named !== null) return shorten(named);
    return t("moderation.value.items", { count: formatNumber(Object.keys(value).length, locale) });
  }
  return "—";
}

/** The fields a row changed, each with its label and both values in the reader's language. */
export function auditChanges(
  before: Record<string, unknown> | null,
  after: Record<string, unknown> | null,
  ctx: AuditContext,
): { field: string; label: string; before: string; after: string }[] {
  const all = [...new Set([...Object.keys(before ?? {}), ...Object.keys(after ?? {})])];
  // A move records the room's id and slug: one "Ruang" row, named from the id.
  const keys = all.includes("roomId") ? all.filter((k) => k !== "roomSlug") : all;
  return keys.map((field) => ({
    field,
    label: ctx.t(auditFieldKey(field)),
    before: auditValue(field, before?.[field], ctx),
    after:
      // The room moved to may be one this list does not hold by id: its recorded slug names it.
      field === "roomId" && typeof after?.roomSlug === "string" && !ctx.roomName(String(after.roomId))
        ? auditValue("roomSlug", after.roomSlug, ctx)
        : auditValue(field, after?.[field], ctx),
  }));
}
