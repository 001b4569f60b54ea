import type { SearchKind } from "@rembuk/shared";
import type { Types } from "mongoose";
import type { Actor } from "../../lib/actor.js";
import type { RoomRecord } from "../rooms/index.js";
import { canSeeContent, type ContentAccess } from "../rooms/index.js";
import type { SearchDocRecord } from "./search.model.js";
import { hotKeys } from "./impact.js";
import { findSynonyms, synonyms } from "./synonyms.js";
import { analyse } from "./text.js";

/** How much a word counts where it stands: titles above practice fields above body text. */
export const WEIGHT = { title: 3, field: 2, body: 1 } as const;

export interface Field {
  text: string;
  weight: number;
}

/** Terms, field-weighted term counts and weighted length of a document's fields (synonym keys included). */
export function termsOf(fields: readonly Field[]): {
  terms: string[];
  tf: Record<string, number>;
  len: number;
  words: Set<string>;
} {
  const tf: Record<string, number> = {};
  const words = new Set<string>();
  let len = 0;
  const syn = synonyms();
  for (const { text, weight } of fields) {
    if (!text) continue;
    const a = analyse(text);
    len += a.terms.length * weight;
    for (const t of a.terms) tf[t] = (tf[t] ?? 0) + weight;
    for (const s of findSynonyms(a.terms, syn)) tf[s.key] = (tf[s.key] ?? 0) + weight;
    for (const w of a.words) words.add(w);
  }
  return { terms: Object.keys(tf), tf, len, words };
}

const asMember = (id: string): Actor => ({
  id,
  role: "member",
  name: "",
  verified: false,
  affiliation: null,
  suspendedUntil: null,
});

/**
 * Who may find an item that is not published for everyone: the rooms feature's `canSeeContent`, asked
 * for each author involved as a plain member (the room's moderators are let in at query time). An item
 * inside a thread must pass for both, exactly as `seesThread` and `readsPost` combine them.
 */
export function audienceOf(
  room: Pick<RoomRecord, "visibility" | "allowedAffiliations">,
  items: readonly ContentAccess[],
): { status: string; viewers: string[] } {
  const closed = items.find((i) => i.status !== "published");
  if (!closed) return { status: "published", viewers: [] };
  const asPlainMember = { ...room, moderators: [] };
  const candidates = [...new Set(items.map((i) => String(i.authorId)))];
  const viewers = candidates.filter((id) =>
    items.every((i) => canSeeContent(asMember(id), asPlainMember, i)),
  );
  return { status: closed.status, viewers };
}

export interface DocInput {
  kind: SearchKind;
  refId: string;
  title: string;
  text: string;
  url: string;
  fields: Field[];
  createdAt: Date;
  threadId?: string | null;
  roomId?: Types.ObjectId | null;
  roomSlug?: string | null;
  regionCode?: string | null;
  regionCodes?: string[];
  sector?: string | null;
  authorId?: string | null;
  access?: { status: string; viewers: string[] };
  boost?: number;
  stage?: string | null;
  adoptionCount?: number | null;
}

/** Snippets are cut from this much plain text at most. */
const TEXT_MAX = 4000;

export function buildDoc(input: DocInput): { doc: SearchDocRecord; words: Set<string> } {
  const { terms, tf, len, words } = termsOf(input.fields);
  return {
    words,
    doc: {
      _id: `${input.kind}:${input.refId}`,
      kind: input.kind,
      refId: input.refId,
      title: input.title,
      text: input.text.slice(0, TEXT_MAX),
      url: input.url,
      threadId: input.threadId ?? null,
      roomId: input.roomId ?? null,
      roomSlug: input.roomSlug ?? null,
      regionCode: input.regionCode ?? null,
      regionCodes: input.regionCodes ?? [],
      sector: input.sector ?? null,
      authorId: input.authorId ?? null,
      status: input.access?.status ?? "published",
      viewers: input.access?.viewers ?? [],
      createdAt: input.createdAt,
      terms,
      tf,
      len,
      hot: hotKeys(input.kind, tf, len),
      boost: input.boost ?? 0,
      stage: input.stage ?? null,
      adoptionCount: input.adoptionCount ?? null,
      indexedAt: new Date(),
    },
  };
}

/** Markdown to the plain words a snippet shows (links keep their text, markup goes). */
export function plainText(markdown: string): string {
  return markdown
    .replace(/```[\s\S]*?```/g, " ")
    .replace(/!?\[([^\]]*)\]\([^)]*\)/g, "$1")
    .replace(/[#>*_`~|]+/g, " ")
    .replace(/\s+/g, " ")
    .trim();
}
