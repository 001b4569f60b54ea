import type { Document } from "bson";
import { isPlainObject } from "../storage/keys.js";
import type { SelectOptions } from "../storage/query.js";

export interface PushDown {
  filter: Document;
  opts: SelectOptions;
  rest: Document[];
}

/**
 * Leading `$match`, `$sort`, `$skip` and `$limit` stages run on the storage layer, so indexes
 * apply and only the selected documents are copied for mingo.
 */
export function pushDown(pipeline: Document[]): PushDown {
  let i = 0;
  let filter: Document = {};
  const opts: SelectOptions = {};
  if (isPlainObject(pipeline[0]?.$match)) {
    filter = pipeline[0].$match as Document;
    i = 1;
  }
  if (isPlainObject(pipeline[i]?.$sort)) opts.sort = pipeline[i++].$sort as Document;
  // select() skips first, then limits: a $limit before a $skip stays in the pipeline.
  if (typeof pipeline[i]?.$skip === "number") opts.skip = pipeline[i++].$skip as number;
  if (typeof pipeline[i]?.$limit === "number" && (pipeline[i].$limit as number) > 0) {
    opts.limit = pipeline[i++].$limit as number;
  }
  return { filter, opts, rest: pipeline.slice(i) };
}

function isConstant(v: unknown): boolean {
  return (
    v === null ||
    typeof v === "number" ||
    typeof v === "boolean" ||
    (typeof v === "string" && !v.startsWith("$"))
  );
}

/**
 * Counting pipelines (`$count`, or the driver's countDocuments `$group: {_id: 1, n: {$sum: 1}}`)
 * need only the number of selected documents: answering them directly avoids copying every
 * matching document just to count it. Returns null when `rest` is anything else.
 */
export function countOnly(rest: Document[]): ((n: number) => Document[]) | null {
  if (rest.length !== 1) return null;
  const stage = rest[0];
  if (typeof stage.$count === "string") {
    const field = stage.$count;
    return (n) => (n > 0 ? [{ [field]: n }] : []);
  }
  const group: unknown = stage.$group;
  if (!isPlainObject(group) || !isConstant(group._id)) return null;
  const fields = Object.keys(group).filter((k) => k !== "_id");
  if (fields.length !== 1) return null;
  const acc: unknown = group[fields[0]];
  if (!isPlainObject(acc) || Object.keys(acc).length !== 1 || acc.$sum !== 1) return null;
  return (n) => (n > 0 ? [{ _id: group._id, [fields[0]]: n }] : []);
}
