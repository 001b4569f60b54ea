import type { VerificationConflictDto, VerificationRequestDto } from "@rembuk/shared";
import { loadUserSummaries, toUserSummary } from "./userSummary.js";
import { officeOf } from "./office.js";
import { User } from "./user.model.js";
import { toAffiliation } from "./user.presenter.js";
import { VerificationRequest, type VerificationRequestRecord } from "./verificationRequest.model.js";

/** `b•••@banyuwangikab.go.id`: the domain is the evidence; the full address is nobody else's business. */
export function maskEmail(email: string): { masked: string; domain: string } {
  const at = email.lastIndexOf("@");
  const local = email.slice(0, at);
  const domain = email.slice(at + 1);
  return { masked: `${local.slice(0, 1)}•••@${domain}`, domain };
}

/**
 * Other accounts claiming the same office: whoever has it in their profile (verified or not) and
 * whoever has a pending request for it. Moderators see these next to each request.
 */
async function conflictsFor(
  rows: VerificationRequestRecord[],
): Promise<Map<string, VerificationConflictDto[]>> {
  const keys = [...new Set(rows.map((r) => r.officeKey).filter((k): k is string => !!k))];
  const out = new Map<string, VerificationConflictDto[]>();
  if (keys.length === 0) return out;
  const [holders, pending] = await Promise.all([
    User.find(
      { officeKey: { $in: keys } },
      { name: 1, role: 1, title: 1, affiliation: 1, verified: 1, officeKey: 1 },
    ).lean(),
    VerificationRequest.find(
      { officeKey: { $in: keys }, status: "pending" },
      { userId: 1, officeKey: 1 },
    ).lean(),
  ]);
  const pendingUsers = await loadUserSummaries(pending.map((p) => p.userId));
  for (const row of rows) {
    if (!row.officeKey) continue;
    const me = row.userId.toString();
    const byUser = new Map<string, VerificationConflictDto>();
    for (const h of holders) {
      if (h.officeKey !== row.officeKey || h._id.toString() === me) continue;
      byUser.set(h._id.toString(), { user: toUserSummary(h), verified: h.verified, pending: false });
    }
    for (const p of pending) {
      const uid = p.userId.toString();
      if (p.officeKey !== row.officeKey || uid === me) continue;
      const existing = byUser.get(uid);
      const summary = pendingUsers.get(uid);
      if (existing) existing.pending = true;
      else if (summary) byUser.set(uid, { user: summary, verified: false, pending: true });
    }
    out.set(row._id.toString(), [...byUser.values()]);
  }
  return out;
}

export async function presentRequests(
  rows: VerificationRequestRecord[],
  { withConflicts }: { withConflicts: boolean },
): Promise<VerificationRequestDto[]> {
  const people = await loadUserSummaries(rows.flatMap((r) => [r.userId, r.decidedBy]));
  const conflicts = withConflicts ? await conflictsFor(rows) : new Map<string, VerificationConflictDto[]>();
  return rows.map((r) => {
    const affiliation = toAffiliation(r.affiliation) ?? { kind: "agency" as const, name: "—" };
    const user = people.get(r.userId.toString()) ?? {
      id: r.userId.toString(),
      name: "—",
      title: "",
      affiliation: null,
      verified: false,
      role: "member" as const,
    };
    return {
      id: r._id.toString(),
      user,
      title: r.title,
      affiliation,
      office: officeOf(r.title, affiliation),
      officialEmail: r.officialEmail
        ? { ...maskEmail(r.officialEmail), confirmed: r.officialEmailConfirmedAt !== null }
        : null,
      decree: r.decree ? { number: r.decree.number, date: r.decree.date } : null,
      note: r.note ?? null,
      status: r.status,
      reason: r.reason ?? null,
      decidedBy: r.decidedBy ? (people.get(r.decidedBy.toString()) ?? null) : null,
      decidedAt: r.decidedAt ? r.decidedAt.toISOString() : null,
      createdAt: r.createdAt.toISOString(),
      conflicts: conflicts.get(r._id.toString()) ?? [],
    };
  });
}
