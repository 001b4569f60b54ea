import type { Actor } from "../../lib/actor.js";
import { createThread } from "../posts/index.js";

/**
 * Write a session's `qa-archive` thread through the threads feature (its checks, seq 1, publish).
 * The clientId is derived from the session, so ending twice can never leave two archives.
 */
export async function createQaArchiveThread(
  actor: Actor,
  input: { roomId: string; title: string; body: string; clientId: string },
): Promise<string> {
  const { thread } = await createThread(
    actor,
    { id: input.roomId },
    { title: input.title, body: input.body, clientId: input.clientId },
    { kind: "qa-archive" },
  );
  return thread.id;
}
