import { z } from "zod";
import { localDraft, readStored, storedKeys, writeStored } from "../../lib/localDraft";

/**
 * What the user typed must survive a failed send, a closed tab and a reload. Each thread keeps two
 * things in localStorage: the draft in its composer (`rembuk:draft:<threadId>`) and its outbox, the
 * posts sent but not yet confirmed (`rembuk:outbox:<threadId>`). An outbox entry keeps its `clientId`
 * for life, so however often it is re-sent the server makes one post of it.
 */

const DRAFT_PREFIX = "rembuk:draft:";
const OUTBOX_PREFIX = "rembuk:outbox:";

/** What a reply shows of the post it answers, kept with the draft so a reload keeps the quote. */
export const QuoteRef = z.object({
  id: z.string(),
  seq: z.number().int(),
  authorName: z.string(),
  excerpt: z.string(),
});
export type QuoteRef = z.infer<typeof QuoteRef>;

export const Draft = z.object({ body: z.string(), replyTo: QuoteRef.nullable().default(null) });
export type Draft = z.infer<typeof Draft>;

export const OutboxError = z.object({
  /** A server error code, or NETWORK / TIMEOUT when no answer came. */
  code: z.string(),
  /** Epoch ms before which a retry would be refused again (rate limit, slow mode). */
  retryAt: z.number().nullable().default(null),
});
export type OutboxError = z.infer<typeof OutboxError>;

export const OutboxEntry = z.object({
  clientId: z.string(),
  threadId: z.string(),
  /** Who wrote it: another account signed in on this device never sends it. */
  userId: z.string(),
  body: z.string(),
  replyTo: QuoteRef.nullable().default(null),
  createdAt: z.string(),
  status: z.enum(["sending", "failed"]),
  error: OutboxError.nullable().default(null),
});
export type OutboxEntry = z.infer<typeof OutboxEntry>;

const draftOf = (threadId: string) =>
  localDraft(Draft, DRAFT_PREFIX + threadId, (d) => !d.body && !d.replyTo);

export function readDraft(threadId: string): Draft | null {
  return draftOf(threadId).read();
}

export function writeDraft(threadId: string, draft: Draft | null): void {
  draftOf(threadId).write(draft);
}

export function readOutbox(threadId: string): OutboxEntry[] {
  const raw = readStored(OUTBOX_PREFIX + threadId);
  if (!Array.isArray(raw)) return [];
  return raw.flatMap((item) => {
    const parsed = OutboxEntry.safeParse(item);
    return parsed.success ? [parsed.data] : [];
  });
}

export function writeOutbox(threadId: string, entries: OutboxEntry[]): void {
  writeStored(OUTBOX_PREFIX + threadId, entries.length ? entries : null);
}

/** Every thread's unfinished reply on this device (the signed-in home lists them). */
export function readAllDrafts(): { threadId: string; draft: Draft }[] {
  return storedKeys(DRAFT_PREFIX).flatMap((key) => {
    const threadId = key.slice(DRAFT_PREFIX.length);
    const draft = readDraft(threadId);
    return draft?.body ? [{ threadId, draft }] : [];
  });
}

/** Every thread's outbox on this device (on start, so unsent posts go out on the next connect). */
export function readAllOutboxes(): OutboxEntry[] {
  return storedKeys(OUTBOX_PREFIX).flatMap((key) => readOutbox(key.slice(OUTBOX_PREFIX.length)));
}

/**
 * A fresh idempotency key: 128 random bits, base64url (22 characters, inside the shared 8–64
 * `[A-Za-z0-9_-]` rule). `getRandomValues` also works on plain-http intranet addresses, where
 * `randomUUID` is missing.
 */
export function newClientId(): string {
  const bytes = new Uint8Array(16);
  crypto.getRandomValues(bytes);
  let bin = "";
  for (const b of bytes) bin += String.fromCharCode(b);
  return btoa(bin).replace(/\+/g, "-").replace(/\//g, "_").replace(/=+$/, "");
}
