import mongoose, { Schema, type Model, type Types } from "mongoose";
import type { SearchKind, SynonymGroup } from "@rembuk/shared";

/**
 * One searchable thing (a thread, post, practice, question, person, region or room), denormalised
 * with what the reader filter needs: its room, its effective status and who besides the room's
 * moderators may see it when it is not published. `_id` is `<kind>:<id>`.
 */
export interface SearchDocRecord {
  _id: string;
  kind: SearchKind;
  refId: string;
  title: string;
  /** Plain text the snippet is cut from (never an email, never an anonymous asker's name). */
  text: string;
  url: string;
  threadId: string | null;
  roomId: Types.ObjectId | null;
  roomSlug: string | null;
  regionCode: string | null;
  /** The region and its province (`33`, `33.73`): the province filter is one equality. */
  regionCodes: string[];
  sector: string | null;
  authorId: string | null;
  /** `published` only when the item and its thread are; anything else is seen by `viewers` and moderators. */
  status: string;
  viewers: string[];
  createdAt: Date;
  /** Distinct terms (multikey index: the lookup) and their field-weighted counts (BM25). */
  terms: string[];
  tf: Record<string, number>;
  len: number;
  /** Per term, its impact band: `"<term> <kind> <level>"` (multikey index; impact.ts). */
  hot: string[];
  /** Curation tie-break: featured, adoptions. */
  boost: number;
  stage: string | null;
  adoptionCount: number | null;
  /** When this document was last written (the full rebuild removes what it did not rewrite). */
  indexedAt: Date;
}

const searchDocSchema = new Schema<SearchDocRecord>(
  {
    _id: { type: String, required: true },
    kind: { type: String, required: true },
    refId: { type: String, required: true },
    title: { type: String, default: "" },
    text: { type: String, default: "" },
    url: { type: String, required: true },
    threadId: { type: String, default: null },
    roomId: { type: Schema.Types.ObjectId, default: null },
    roomSlug: { type: String, default: null },
    regionCode: { type: String, default: null },
    regionCodes: { type: [String], default: [] },
    sector: { type: String, default: null },
    authorId: { type: String, default: null },
    status: { type: String, required: true },
    viewers: { type: [String], default: [] },
    createdAt: { type: Date, required: true },
    terms: { type: [String], default: [] },
    tf: { type: Schema.Types.Mixed, default: {} },
    len: { type: Number, default: 0 },
    hot: { type: [String], default: [] },
    boost: { type: Number, default: 0 },
    stage: { type: String, default: null },
    adoptionCount: { type: Number, default: null },
    indexedAt: { type: Date, required: true },
  },
  { collection: "searchdocs", versionKey: false, minimize: false },
);
// Candidates of a relevance query: a term's best bands (query.ts, `rankByImpact`).
searchDocSchema.index({ hot: 1 });
// All documents holding a term: rare terms, `sort=new`, selective filters (query.ts, `rankDirect`).
searchDocSchema.index({ terms: 1 });
// A thread's replies follow it (indexer.ts); newest first for `sort=new` on a common term.
searchDocSchema.index({ threadId: 1 });
searchDocSchema.index({ createdAt: -1 });
// Selective filters: the planner picks the smallest of these over a common term's documents.
searchDocSchema.index({ authorId: 1 });
searchDocSchema.index({ regionCodes: 1 });
searchDocSchema.index({ roomId: 1 });

export const SearchDoc: Model<SearchDocRecord> =
  mongoose.models.SearchDoc ?? mongoose.model<SearchDocRecord>("SearchDoc", searchDocSchema);

/** Per term: how many documents hold it and how many sit in each impact band (impact.ts). */
export interface SearchStatRecord {
  _id: string;
  df: number;
  /** `<kind>_<level>` → documents. */
  lv: Record<string, number>;
}
const searchStatSchema = new Schema<SearchStatRecord>(
  {
    _id: { type: String, required: true },
    df: { type: Number, default: 0 },
    lv: { type: Schema.Types.Mixed, default: {} },
  },
  { collection: "searchstats", versionKey: false, minimize: false },
);
export const SearchStat: Model<SearchStatRecord> =
  mongoose.models.SearchStat ?? mongoose.model<SearchStatRecord>("SearchStat", searchStatSchema);

/** The vocabulary: every folded word seen, with its term, so a typed prefix finds whole words. */
export interface SearchTermRecord {
  _id: string;
  term: string;
}
const searchTermSchema = new Schema<SearchTermRecord>(
  { _id: { type: String, required: true }, term: { type: String, required: true } },
  { collection: "searchterms", versionKey: false },
);
export const SearchTerm: Model<SearchTermRecord> =
  mongoose.models.SearchTerm ?? mongoose.model<SearchTermRecord>("SearchTerm", searchTermSchema);

/** The admins' synonym list (one document, `_id: "synonyms"`), seeded from shared's default. */
export interface SearchSynonymsRecord {
  _id: string;
  groups: SynonymGroup[];
  updatedAt: Date;
}
const synonymsSchema = new Schema<SearchSynonymsRecord>(
  {
    _id: { type: String, required: true },
    groups: { type: [{ _id: false, variants: [String] }], default: [] },
    updatedAt: { type: Date, required: true },
  },
  { collection: "searchsettings", versionKey: false },
);
export const SearchSynonyms: Model<SearchSynonymsRecord> =
  mongoose.models.SearchSynonyms ?? mongoose.model<SearchSynonymsRecord>("SearchSynonyms", synonymsSchema);

/** Which layout the stored index has (`_id: "format"`); an older one is rebuilt once (format.ts). */
export interface SearchFormatRecord {
  _id: string;
  version: number;
}
const formatSchema = new Schema<SearchFormatRecord>(
  { _id: { type: String, required: true }, version: { type: Number, required: true } },
  { collection: "searchsettings", versionKey: false },
);
export const SearchFormat: Model<SearchFormatRecord> =
  mongoose.models.SearchFormat ?? mongoose.model<SearchFormatRecord>("SearchFormat", formatSchema);
