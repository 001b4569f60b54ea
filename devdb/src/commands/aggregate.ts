import type { Document } from "bson";
import { CommandError } from "../errors.js";
import { cloneDoc } from "../storage/clone.js";
import { clearDeep } from "../storage/update-types.js";
import { isPlainObject, MISSING, valuesAtPath } from "../storage/keys.js";
import { parseCollation, type Collation } from "../storage/collation.js";
import { compileFilter, runPipeline } from "../storage/mingo.js";
import { SCORE_FIELD, withTextScores } from "../storage/text.js";
import { select } from "../storage/query.js";
import { countOnly, pushDown } from "./aggregate-pushdown.js";
import { arrayArg, docArg } from "./args.js";
import type { CommandContext, CommandHandler } from "./context.js";

const UNSUPPORTED_STAGES = new Set([
  "$out",
  "$merge",
  "$changeStream",
  "$currentOp",
  "$listSessions",
  "$search",
]);

/** A `$lookup` joining on local/foreign fields from a collection of this database. */
function equalityLookup(stage: Document): Document | null {
  const spec: unknown = stage.$lookup;
  if (!isPlainObject(spec)) return null;
  const { from, localField, foreignField } = spec;
  if (typeof from !== "string" || typeof localField !== "string" || typeof foreignField !== "string")
    return null;
  return spec;
}

/**
 * Only foreign documents whose join field equals some local value can join, so fetch just
 * those (through an index when there is one) instead of copying the whole foreign collection.
 */
function joinCandidates(ctx: CommandContext, docs: Document[], spec: Document): Document[] | null {
  const coll = ctx.engine.getCollection(ctx.db, spec.from as string);
  if (!coll) return [];
  const values: unknown[] = [];
  for (const d of docs) {
    for (const v of valuesAtPath(d, spec.localField as string).values) {
      if (v instanceof RegExp) return null; // $in would treat it as a pattern, not a value
      values.push(v === MISSING ? null : v);
    }
  }
  return select(coll, { [spec.foreignField as string]: { $in: values } }).map((s) => cloneDoc(s.doc));
}

/** Runs the pipeline, splitting it at equality `$lookup`s so each fetches only joinable documents. */
function runWithJoins(
  ctx: CommandContext,
  input: Document[],
  pipeline: Document[],
  collation: Collation | null = null,
  collationSpec?: Document,
): Document[] {
  const resolver = resolverFor(ctx);
  let docs = input;
  let stages = pipeline;
  for (;;) {
    ctx.deadline?.check();
    const k = stages.findIndex((s) => equalityLookup(s) !== null);
    if (k < 0) break;
    if (k > 0) docs = runPipeline(docs, stages.slice(0, k), resolver, collation, collationSpec);
    const spec = equalityLookup(stages[k]) as Document;
    const foreign = joinCandidates(ctx, docs, spec);
    const lookup = foreign ? { $lookup: { ...spec, from: foreign } } : stages[k];
    docs = runPipeline(docs, [lookup], resolver);
    stages = stages.slice(k + 1);
  }
  ctx.deadline?.check();
  const out = stages.length > 0 ? runPipeline(docs, stages, resolver, collation, collationSpec) : docs;
  ctx.deadline?.check();
  return out;
}

function resolverFor(ctx: CommandContext): (name: string) => Document[] {
  const cache = new Map<string, Document[]>();
  return (name) => {
    let docs = cache.get(name);
    if (!docs) {
      const coll = ctx.engine.getCollection(ctx.db, name);
      docs = coll ? [...coll.docs.values()].map(cloneDoc) : [];
      cache.set(name, docs);
    }
    return docs;
  };
}

/**
 * mingo reports an unknown expression or accumulator operator the same way; mongod says which:
 * "unknown group operator" (15952) inside `$group`, "Unrecognized expression" (168) elsewhere.
 */
function unknownOperator(err: unknown, pipeline: Document[]): CommandError | null {
  const m = err instanceof Error ? /accumulator '(\$\w+)' is not registered/.exec(err.message) : null;
  if (!m) return null;
  const op = m[1];
  const inGroup = pipeline.some(
    (st) =>
      isPlainObject(st.$group) &&
      Object.values(st.$group).some((acc) => isPlainObject(acc) && Object.keys(acc)[0] === op),
  );
  if (inGroup) return new CommandError("UnknownGroupOperator", `unknown group operator '${op}'`);
  const stage = pipeline.find((st) => JSON.stringify(st).includes(`"${op}"`));
  const name = stage ? Object.keys(stage)[0] : "$project";
  return new CommandError(
    "InvalidPipelineOperator",
    `Invalid ${name} :: caused by :: Unrecognized expression '${op}'`,
  );
}

/**
 * Stages after which every document is one of the input copies, unchanged, or a new object
 * holding unchanged values: the numbers' stored types (storage/num-types.ts) still hold. Other
 * stages may write into the copies (mingo's `$set` of `a.b` changes `a` in place), so their
 * results give every number the type its value implies.
 */
const TYPE_PRESERVING = new Set(["$match", "$sort", "$skip", "$limit", "$sample", "$unwind", "$count"]);

export const aggregate: CommandHandler = (cmd, ctx) => {
  const target: unknown = cmd.aggregate;
  const pipeline = arrayArg(cmd, "pipeline");
  for (const stage of pipeline) {
    if (!isPlainObject(stage) || Object.keys(stage).length !== 1) {
      throw new CommandError(
        "TypeMismatch",
        "Each element of the 'pipeline' array must be an object with exactly one field",
      );
    }
    const op = Object.keys(stage)[0];
    if (UNSUPPORTED_STAGES.has(op)) throw new CommandError("BadValue", `${op} is not supported by devdb`);
  }
  if (cmd.explain) throw new CommandError("BadValue", "explain is not supported by devdb");
  const cursorOpt = docArg(cmd, "cursor");
  if (!cursorOpt)
    throw new CommandError(
      "FailedToParse",
      "The 'cursor' option is required, except for aggregate with the explain argument",
    );
  const batchSize = typeof cursorOpt.batchSize === "number" ? cursorOpt.batchSize : undefined;
  ctx.stats.opcounters.command++;
  const collation = parseCollation(cmd.collation);
  let input: Document[] = [];
  let rest = pipeline;
  let nsName = "$cmd.aggregate";
  if (typeof target === "string") {
    nsName = target;
    const coll = ctx.engine.getCollection(ctx.db, target);
    const pushed = pushDown(pipeline);
    rest = pushed.rest;
    if (!coll) compileFilter(pushed.filter); // bad operators fail without the collection too
    const selected = coll
      ? select(coll, pushed.filter, {
          ...pushed.opts,
          collation,
          hint: cmd.hint as Document | string | undefined,
          interrupt: ctx.deadline ?? undefined,
        })
      : [];
    const counted = countOnly(rest);
    if (counted)
      return ctx.cursors.firstBatch(`${ctx.db}.${nsName}`, counted(selected.length), batchSize, false);
    input = selected.map((s) => cloneDoc(s.doc));
    if (selected.some((s) => s.score !== undefined)) {
      input.forEach((d, i) => (d[SCORE_FIELD] = selected[i].score));
      rest = [...withTextScores(rest), { $unset: SCORE_FIELD }];
    }
  } else if (target !== 1) {
    throw new CommandError("TypeMismatch", "aggregate field must be a collection name or 1");
  }
  let out: Document[];
  try {
    out = runWithJoins(ctx, input, rest, collation, cmd.collation as Document | undefined);
  } catch (err) {
    throw unknownOperator(err, rest) ?? err;
  }
  if (!rest.every((st) => TYPE_PRESERVING.has(Object.keys(st)[0]))) for (const d of out) clearDeep(d);
  return ctx.cursors.firstBatch(`${ctx.db}.${nsName}`, out, batchSize, false);
};
