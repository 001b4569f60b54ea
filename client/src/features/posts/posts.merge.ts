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
  };
  if (current.deleted && !incoming.deleted) return current;
  const currentEdit = current.editedAt ?? "";
  const incomingEdit = incoming.editedAt ?? "";
  if (!incoming.deleted && incomingEdit < currentEdit) {
    // An older text (e.g. a catch-up snapshot read before the edit): keep the text, take the counts.
    return {
      ...current,
      reactions: incoming.reactions,
      ...(incoming.myReactions ? { myReactions: incoming.myReactions } : {}),
    };
  }
  return { ...incoming, ...keep };
}

/** Inserts seqs into an ascending, duplicate-free list of post ids. */
export function mergeIds(ids: string[], posts: PostDto[], byId: Record<string, PostDto>): string[] {
  if (posts.length === 0) return ids;
  const bySeq = new Map<number, string>();
  for (const id of ids) {
    const p = byId[id];
    if (p) bySeq.set(p.seq, id);
  }
  for (const p of posts) bySeq.set(p.seq, p.id);
  return [...bySeq.entries()].sort((a, b) => a[0] - b[0]).map(([, id]) => id);
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
