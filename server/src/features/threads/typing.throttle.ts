/** At most one `typing` relay per user per thread in this window (per process). */
const TYPING_INTERVAL_MS = 2000;
const lastTyping = new Map<string, number>();

export function typingAllowed(userId: string, threadId: string, now = Date.now()): boolean {
  const key = `${userId}:${threadId}`;
  const last = lastTyping.get(key);
  if (last !== undefined && now - last < TYPING_INTERVAL_MS) return false;
  lastTyping.set(key, now);
  if (lastTyping.size > 10_000) {
    for (const [k, t] of lastTyping) if (now - t >= TYPING_INTERVAL_MS) lastTyping.delete(k);
  }
  return true;
}
