import type { ThreadDto, ThreadSort } from "@rembuk/shared";

/**
 * The server's orders (docs/api.md): `activity` = pinned first, then latest activity; `new` = newest
 * first; `top` = most published posts, then most reactions; every order ends in the id. The client
 * uses the same comparators to place live threads among the ones already loaded.
 */
export function compareThreads(sort: ThreadSort, a: ThreadDto, b: ThreadDto): number {
  const byId = b.id.localeCompare(a.id);
  switch (sort) {
    case "activity":
      if (a.pinned !== b.pinned) return a.pinned ? -1 : 1;
      return b.lastActivityAt.localeCompare(a.lastActivityAt) || byId;
    case "new":
      return b.createdAt.localeCompare(a.createdAt) || byId;
    case "top":
      return b.postCount - a.postCount || b.reactionCount - a.reactionCount || byId;
  }
}

/**
 * Puts `thread` where it belongs among the loaded `ids` (removing it first if present). When more
 * pages remain and it would sort after everything loaded, it belongs to a later page: leave it out,
 * the page that holds it will bring it.
 */
export function placeThread(
  ids: string[],
  thread: ThreadDto,
  byId: Record<string, ThreadDto>,
  sort: ThreadSort,
  complete: boolean,
): string[] {
  const rest = ids.filter((id) => id !== thread.id);
  let at = rest.length;
  for (let i = 0; i < rest.length; i++) {
    const other = byId[rest[i]];
    if (other && compareThreads(sort, thread, other) < 0) {
      at = i;
      break;
    }
  }
  if (at === rest.length && !complete) return rest;
  return [...rest.slice(0, at), thread.id, ...rest.slice(at)];
}

/** Appends a fetched page, skipping threads already shown (a live bump may have moved them up). */
export function appendPage(ids: string[], page: ThreadDto[]): string[] {
  const seen = new Set(ids);
  return [...ids, ...page.map((t) => t.id).filter((id) => !seen.has(id))];
}
