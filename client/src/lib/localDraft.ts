import type { z } from "zod";

/**
 * What a person typed, kept in localStorage so it survives a reload, a closed tab and a failed send,
 * and checked with its zod schema on the way back in: a stale or hand-edited entry reads as "no
 * draft" instead of breaking the form. Storage may be missing (private mode on some phones) or full;
 * then the form simply keeps its draft in memory for this visit.
 */
export interface LocalDraft<T> {
  read(): T | null;
  /** `null`, or a value `isEmpty` calls empty, removes the entry. */
  write(value: T | null): void;
}

function storage(): Storage | null {
  try {
    return typeof localStorage === "undefined" ? null : localStorage;
  } catch {
    return null;
  }
}

/** The stored JSON under `key`, or undefined when absent or unreadable. */
export function readStored(key: string): unknown {
  const raw = storage()?.getItem(key);
  if (!raw) return undefined;
  try {
    const value: unknown = JSON.parse(raw);
    return value;
  } catch {
    return undefined;
  }
}

/** Stores `value` as JSON under `key`; `null` removes it. */
export function writeStored(key: string, value: unknown): void {
  const s = storage();
  if (!s) return;
  try {
    if (value === null) s.removeItem(key);
    else s.setItem(key, JSON.stringify(value));
  } catch {
    // Quota exceeded: the in-memory copy still holds it for this visit.
  }
}

/** Every stored key that starts with `prefix` (e.g. each thread's outbox). */
export function storedKeys(prefix: string): string[] {
  const s = storage();
  if (!s) return [];
  const keys: string[] = [];
  for (let i = 0; i < s.length; i++) {
    const key = s.key(i);
    if (key?.startsWith(prefix)) keys.push(key);
  }
  return keys;
}

export function localDraft<S extends z.ZodType>(
  schema: S,
  key: string,
  isEmpty: (value: z.output<S>) => boolean = () => false,
): LocalDraft<z.output<S>> {
  return {
    read() {
      const parsed = schema.safeParse(readStored(key));
      return parsed.success && !isEmpty(parsed.data) ? parsed.data : null;
    },
    write(value) {
      writeStored(key, value === null || isEmpty(value) ? null : value);
    },
  };
}
