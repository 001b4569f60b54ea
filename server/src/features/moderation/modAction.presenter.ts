import type { ModActionDto, UserSummaryDto } from "@rembuk/shared";
import { loadUserSummaries } from "../users/index.js";
import type { ModActionRecord } from "./modAction.model.js";

/** The actor as the row recorded them, when their account no longer exists. */
function recordedActor(r: ModActionRecord): UserSummaryDto | null {
  if (!r.actorId) return null;
  return {
    id: r.actorId.toString(),
    name: r.actorName,
    title: "",
    affiliation: null,
    verified: false,
    role: r.actorRole ?? "member",
  };
}

export async function presentModActions(rows: ModActionRecord[]): Promise<ModActionDto[]> {
  const actors = await loadUserSummaries(rows.map((r) => r.actorId));
  return rows.map((r) => ({
    id: r._id.toString(),
    action: r.action,
    actor: r.actorId ? (actors.get(r.actorId.toString()) ?? recordedActor(r)) : null,
    targetType: r.targetType,
    targetId: r.targetId.toString(),
    targetLabel: r.targetLabel,
    roomId: r.roomIds[0] ? r.roomIds[0].toString() : null,
    roomSlug: r.roomSlug,
    threadId: r.threadId ? r.threadId.toString() : null,
    reason: r.reason,
    before: r.before,
    after: r.after,
    createdAt: r.createdAt.toISOString(),
  }));
}
