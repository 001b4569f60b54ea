import type { ThreadDto } from "@rembuk/shared";
import type { Actor } from "../../lib/actor.js";
import type { ThreadRecord } from "./thread.model.js";

/**
 * What features above threads add to every thread DTO (the viewer's read mark, a practice's record),
 * without threads importing them: each registers a loader from its index.ts. A loader reads what it
 * needs for a whole page of threads at once (all loaders run in parallel) and returns the function that
 * adds it to one DTO; the additions are applied in registration order.
 */
export type ThreadDtoExtension = (
  viewer: Actor | null,
  threads: ThreadRecord[],
) => Promise<(dto: ThreadDto) => ThreadDto>;

const extensions: ThreadDtoExtension[] = [];

export function extendThreadDtos(extension: ThreadDtoExtension): void {
  extensions.push(extension);
}

/** Every registered extension's loader for `threads`, started together. */
export async function loadThreadExtensions(
  viewer: Actor | null,
  threads: ThreadRecord[],
): Promise<(dto: ThreadDto) => ThreadDto> {
  const adders = await Promise.all(extensions.map((load) => load(viewer, threads)));
  return (dto) => adders.reduce((acc, add) => add(acc), dto);
}
