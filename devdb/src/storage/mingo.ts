import type { Document } from "bson";
import { Aggregator, Query } from "mingo";
import type { Options } from "mingo/types";

/** Resolves another collection of the same database for `$lookup`/`$unionWith`; returns copies. */
export type CollectionResolver = (name: string) => Document[];

function options(resolver?: CollectionResolver): Partial<Options> {
  return {
    idKey: "_id",
    useStrictMode: true,
    // Server-side JavaScript is disabled by default on a real server too.
    scriptEnabled: false,
    collectionResolver: resolver,
  };
}

const BASE_OPTIONS = options();

export function compileFilter(filter: Document): Query {
  return new Query(filter, BASE_OPTIONS);
}

export function runPipeline(
  docs: Document[],
  pipeline: Document[],
  resolver?: CollectionResolver,
): Document[] {
  return new Aggregator(pipeline, options(resolver)).run(docs) as Document[];
}

export const queryOptions = BASE_OPTIONS;
