import type { Document } from "bson";
import { Aggregator, Context, Query } from "mingo";
import type { Options } from "mingo/types";
import { $type, BINARY_RANGE_OPS, ownOperator } from "./bson-types.js";
import { setField } from "./clone.js";
import { COLLATION_OPS, collateFilter, type Collation } from "./collation.js";
import { compileSchema } from "./json-schema.js";

/**
 * Query operators devdb defines itself, where mingo's differ from mongod's. mingo's own operators
 * win over added ones of the same name, so filters name devdb's under a private alias
 * (`withOwnOperators`).
 */
const CONTEXT = Context.init({ query: { $devdbType: $type, ...BINARY_RANGE_OPS, ...COLLATION_OPS } });

/**
 * Renames query-level `$type` and BinData range operators to devdb's (not inside `$expr`, where
 * `$type` is an expression).
 */
export function withOwnOperators<T>(value: T): T {
  if (Array.isArray(value)) {
    let changed = false;
    const out = value.map((v: unknown) => {
      const n = withOwnOperators(v);
      if (n !== v) changed = true;
      return n;
    });
    return (changed ? out : value) as T;
  }
  if (value === null || typeof value !== "object" || Object.getPrototypeOf(value) !== Object.prototype)
    return value;
  let changed = false;
  const out: Document = {};
  for (const [k, v] of Object.entries(value as Document)) {
    const own = k.startsWith("$") ? ownOperator(k, v) : null;
    if (own) {
      out[own] = v;
      changed = true;
      continue;
    }
    const n = k === "$expr" || k === "$where" ? v : withOwnOperators(v);
    if (n !== v) changed = true;
    setField(out, k, n);
  }
  return (changed ? out : value) as T;
}

/** Resolves another collection of the same database for `$lookup`/`$unionWith`; returns copies. */
export type CollectionResolver = (name: string) => Document[];

function options(resolver?: CollectionResolver): Partial<Options> {
  return {
    idKey: "_id",
    useStrictMode: true,
    // Server-side JavaScript is disabled by default on a real server too.
    scriptEnabled: false,
    collectionResolver: resolver,
    context: CONTEXT,
    jsonSchemaValidator: (schema) => compileSchema(schema as Document),
  };
}

const BASE_OPTIONS = options();

export function compileFilter(filter: Document): Query {
  return new Query(withOwnOperators(filter), BASE_OPTIONS);
}

export function runPipeline(
  docs: Document[],
  pipeline: Document[],
  resolver?: CollectionResolver,
  collation?: Collation | null,
  collationSpec?: Document,
): Document[] {
  const stages = pipeline.map((st) => {
    if (!("$match" in st)) return st;
    const m = st.$match as Document;
    return { $match: withOwnOperators(collation ? collateFilter(m, collation) : m) };
  });
  const opts = options(resolver);
  // mingo's $sort takes MongoDB's collation document itself.
  if (collation && collationSpec) Object.assign(opts, { collation: collationSpec });
  return new Aggregator(stages, opts).run(docs) as Document[];
}

export const queryOptions = BASE_OPTIONS;
