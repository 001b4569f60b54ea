import type { PostDto } from "@rembuk/shared";

/**
 * Pure rules for folding posts into the store, whatever way they arrive (REST page, `thread:join`
 * catch-up, `post:created` broadcast, a command's ack) and however often: a post is one entry by
 * `id`, a thread's list is ordered by `seq` with each seq once, and an older copy never replaces a
 * newer one.
 */

/** Which of two copies of the same post is the more recent state. */
export function newerPost(current: PostDto | undefined, incoming: PostDto): PostDto {
  if (!current) return incoming;
  // Viewer-only fields never come in broadcasts: keep ours when the incoming copy lacks them.
  const keep = {
    ...(incoming.myReactions === undefined && current.myReactions !== undefined
      ? { myReactions: current.myReactions }
      : {}),
    ...(incoming.clientId === undefined && current.clientId !== undefined
      ? { clientId: current.clientId }
      : {}),
    ...(incoming.can === undefined && current.can !== undefined ? { can: current.can } : {}),
  };
  // A moderator's decision (approve, hide, unhide, delete, restore) is dated: the later one wins,
  // and only it can bring a deleted post back.
  const currentMod = current.moderatedAt ?? "";
  const incomingMod = incoming.moderatedAt ?? "";
  if (incomingMod > currentMod) return { ...incoming, ...keep };
  const staleModeration = incomingMod < currentMod;
  if (staleModeration || (current.deleted && !incoming.deleted)) {
    return {
      ...current,
      reactions: incoming.reactions,
      ...(incoming.myReactions ? { myReactions: incoming.myReactions } : {}),
      ...(incoming.can ? { can: incoming.can } : {}),
    };
  }
  // A queued post that got its number never goes back to 0.
  if (current.seq > 0 && incoming.seq === 0) return { ...current, reactions: incoming.reactions };
  const currentEdit = current.editedAt ?? "";
  const incomingEdit = incoming.editedAt ?? "";
  if (!incoming.deleted && incomingEdit < currentEdit) {
    // An older text (e.g. a catch-up snapshot read before the edit): keep the text, take the counts.
    return {
      ...current,
      reactions: incoming.reactions,
      ...(incoming.myReactions ? { myReactions: incoming.myReactions } : {}),
      ...(incoming.can ? { can: incoming.can } : {}),
    };
  }
  return { ...incoming, ...keep };
}

/**
 * A thread's ids: numbered posts ascending by seq, each seq once, then posts still waiting for a
 * moderator (seq 0: only their author and moderators see them) in the order they were written.
 */
export function mergeIds(ids: string[], posts: PostDto[], byId: Record<string, PostDto>): string[] {
  if (posts.length === 0) return ids;
  const bySeq = new Map<number, string>();
  const waiting = new Map<string, PostDto>();
  const place = (id: string, p: PostDto) => {
    if (p.seq > 0) {
      waiting.delete(id);
      bySeq.set(p.seq, id);
    } else waiting.set(id, p);
  };
  for (const id of ids) {
    const p = byId[id];
    if (p) place(id, p);
  }
  for (const p of posts) place(p.id, byId[p.id] ?? p);
  const numbered = [...bySeq.entries()].sort((a, b) => a[0] - b[0]).map(([, id]) => id);
  const numberedSet = new Set(numbered);
  const queued = [...waiting.values()]
    .filter((p) => !numberedSet.has(p.id))
    .sort((a, b) => a.createdAt.localeCompare(b.createdAt))
    .map((p) => p.id);
  return [...numbered, ...queued];
}

/**
 * How far this client holds every post without a hole: all seqs up to the returned one have been
 * received (or were not visible when the server said so through `headSeq`). Seqs above a hole may
 * still arrive late; a rejoin asks from here, and duplicates merge away.
 */
export function advanceSynced(synced: number, seqs: Iterable<number>): number {
  const have = new Set(seqs);
  let s = synced;
  while (have.has(s + 1)) s += 1;
  return s;
}
