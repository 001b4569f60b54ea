import type { ThreadDto } from "@rembuk/shared";
import type { Actor } from "../../lib/actor.js";
import type { ThreadRecord } from "./thread.model.js";

/**
 * Per-viewer fields a higher feature adds to every ThreadDto presented for a signed-in viewer (the
 * watching feature's `watch` level), registered at start so threads need not import it.
 */
export type ThreadViewerFields = (
  viewer: Actor,
  threads: readonly ThreadRecord[],
) => Promise<Map<string, Partial<ThreadDto>>>;

const providers: ThreadViewerFields[] = [];

export function addThreadViewerFields(provider: ThreadViewerFields): void {
  if (!providers.includes(provider)) providers.push(provider);
}

export async function viewerFieldsFor(
  viewer: Actor | null,
  threads: readonly ThreadRecord[],
): Promise<Array<Map<string, Partial<ThreadDto>>>> {
  if (!viewer || threads.length === 0) return [];
  return Promise.all(providers.map((p) => p(viewer, threads)));
}
