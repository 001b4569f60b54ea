import type { UserSummaryDto } from "@rembuk/shared";

/**
 * Mentions are stored as `@[Name](userId)` (the server links the id to the person's current name).
 * Nobody types ids, so the composer offers the people of this thread while an `@word` is being typed.
 */

/** The `@query` being typed right before the caret, if any (start of text or after a space). */
export function mentionQuery(text: string, caret: number): { start: number; query: string } | null {
  const before = text.slice(0, caret);
  const m = before.match(/(^|\s)@([\p{L}\p{N}.'-]{0,30})$/u);
  if (!m) return null;
  return { start: caret - m[2].length - 1, query: m[2] };
}

/** People whose name has a word starting with the query, at most `limit`, in the given order. */
export function mentionCandidates(people: UserSummaryDto[], query: string, limit = 6): UserSummaryDto[] {
  const q = query.toLocaleLowerCase("id");
  const seen = new Set<string>();
  const out: UserSummaryDto[] = [];
  for (const p of people) {
    if (seen.has(p.id)) continue;
    seen.add(p.id);
    const words = p.name.toLocaleLowerCase("id").split(/\s+/);
    if (q === "" || words.some((w) => w.startsWith(q)) || p.name.toLocaleLowerCase("id").startsWith(q))
      out.push(p);
    if (out.length >= limit) break;
  }
  return out;
}

/** Replaces the `@query` with the mention markup and a space; returns the new text and caret. */
export function insertMention(
  text: string,
  at: { start: number; query: string },
  person: Pick<UserSummaryDto, "id" | "name">,
): { text: string; caret: number } {
  const label = person.name.replace(/[[\]\n]/g, "").slice(0, 80);
  const markup = `@[${label}](${person.id}) `;
  const end = at.start + 1 + at.query.length;
  return { text: text.slice(0, at.start) + markup + text.slice(end), caret: at.start + markup.length };
}
