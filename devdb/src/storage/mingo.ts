import type { Document } from "bson";
import { Aggregator } from "mingo/aggregator";
import { Context } from "mingo/core";
import * as accumulatorOperators from "mingo/operators/accumulator";
import * as expressionOperators from "mingo/operators/expression";
import * as pipelineOperators from "mingo/operators/pipeline";
import * as projectionOperators from "mingo/operators/projection";
import * as queryOperators from "mingo/operators/query";
import * as windowOperators from "mingo/operators/window";
import { Query } from "mingo/query";
import type { Options } from "mingo/types";
import { update } from "mingo/updater";
import { $type, BINARY_RANGE_OPS, ownOperator } from "./bson-types.js";
import { setField } from "./clone.js";
import { COLLATION_OPS, collateFilter, type Collation } from "./collation.js";
import { compileSchema } from "./json-schema.js";

/**
 * mingo's operators plus devdb's own, built once. (The `mingo` entry point merges its default
 * operators into every Query's options, which costs more than the query itself.) devdb's
 * operators use private names, which filters reach through `withOwnOperators`.
 */
const CONTEXT = Context.init({
  accumulator: accumulatorOperators,
  expression: expressionOperators,
  pipeline: pipelineOperators,
  projection: projectionOperators,
  query: { ...queryOperators, $devdbType: $type, ...BINARY_RANGE_OPS, ...COLLATION_OPS },
  window: windowOperators,
});

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

/** mingo's find with devdb's operators: `projection` applied to the documents matching `filter`. */
export function mingoFind(docs: Document[], filter: Document, projection: Document): Document[] {
  return new Query(filter, BASE_OPTIONS).find(docs, projection).all() as Document[];
}

/** mingo's update with devdb's operators; returns the changed paths. */
export function mingoUpdate(
  target: Document,
  modifier: Document,
  arrayFilters: Document[] | undefined,
  condition: Document,
): string[] {
  return update(target, modifier, arrayFilters, condition, { cloneMode: "none", queryOptions: BASE_OPTIONS });
}
