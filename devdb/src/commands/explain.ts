import type { Document } from "bson";
import { CommandError } from "../errors.js";
import type { Collection } from "../storage/collection.js";
import { select, type SelectOptions, type SelectStats } from "../storage/query.js";
import { pushDown } from "./aggregate-pushdown.js";
import { arrayArg, collectionArg, docArg, numberArg } from "./args.js";
import type { CommandContext, CommandHandler } from "./context.js";
import { VERSION } from "./handshake.js";

/**
 * `explain` of find, count, distinct and aggregate, in mongod's shape
 * (https://www.mongodb.com/docs/manual/reference/explain-results/): `queryPlanner.winningPlan`
 * names the stage that found the candidates (IDHACK, IXSCAN with `indexName` under a FETCH,
 * OR, or COLLSCAN), and with executionStats the counts are the ones devdb actually examined:
 * `totalKeysExamined` (index entries), `totalDocsExamined` (documents fetched), `nReturned`.
 */
const VERBOSITIES = new Set(["queryPlanner", "executionStats", "allPlansExecution"]);

interface Run {
  filter: Document;
  stats: SelectStats;
  nReturned: number;
  millis: number;
  sort?: Document;
}

function planStages(coll: Collection | undefined, run: Run, withCounts: boolean): Document {
  const { stats } = run;
  const counts = (n: number, extra: Document = {}): Document =>
    withCounts ? { nReturned: n, ...extra } : {};
  const hasFilter = Object.keys(run.filter).length > 0;
  if (stats.stage === "COLLSCAN") {
    return {
      stage: "COLLSCAN",
      ...(hasFilter ? { filter: run.filter } : {}),
      direction: "forward",
      ...counts(run.nReturned, { docsExamined: stats.docsExamined }),
    };
  }
  if (stats.stage === "IDHACK") {
    return {
      stage: "IDHACK",
      ...counts(run.nReturned, { keysExamined: stats.keysExamined, docsExamined: stats.docsExamined }),
    };
  }
  const spec = coll?.indexSpecs().find((s) => s.name === stats.index);
  const input: Document =
    stats.stage === "OR"
      ? { stage: "OR", ...counts(stats.keysExamined) }
      : {
          stage: "IXSCAN",
          keyPattern: spec?.key ?? {},
          indexName: stats.index,
          isMultiKey: coll?.indexes.find((ix) => ix.name === stats.index)?.multikey ?? false,
          direction: "forward",
          ...counts(stats.keysExamined, { keysExamined: stats.keysExamined }),
        };
  return {
    stage: "FETCH",
    ...(hasFilter ? { filter: run.filter } : {}),
    ...counts(run.nReturned, { docsExamined: stats.docsExamined }),
    inputStage: input,
  };
}

function explainRun(
  ctx: CommandContext,
  name: string,
  filter: Document,
  opts: SelectOptions,
): Run & { coll?: Collection } {
  const coll = ctx.engine.getCollection(ctx.db, name);
  const stats: SelectStats = { index: null, stage: "COLLSCAN", keysExamined: 0, docsExamined: 0 };
  const start = performance.now();
  const n = coll ? select(coll, filter, { ...opts, stats, interrupt: ctx.deadline ?? undefined }).length : 0;
  return {
    coll,
    filter,
    stats,
    nReturned: n,
    millis: Math.round(performance.now() - start),
    sort: opts.sort,
  };
}

function sections(
  ctx: CommandContext,
  ns: string,
  run: Run & { coll?: Collection },
  verbosity: string,
): Document {
  const winningPlan = planStages(run.coll, run, false);
  const out: Document = {
    queryPlanner: {
      namespace: ns,
      indexFilterSet: false,
      parsedQuery: run.filter,
      winningPlan:
        run.sort && run.stats.stage === "COLLSCAN"
          ? { stage: "SORT", sortPattern: run.sort, inputStage: winningPlan }
          : winningPlan,
      rejectedPlans: [],
    },
  };
  if (verbosity !== "queryPlanner") {
    out.executionStats = {
      executionSuccess: true,
      nReturned: run.nReturned,
      executionTimeMillis: run.millis,
      totalKeysExamined: run.stats.keysExamined,
      totalDocsExamined: run.stats.docsExamined,
      executionStages: planStages(run.coll, run, true),
    };
    if (verbosity === "allPlansExecution") (out.executionStats as Document).allPlansExecution = [];
  }
  return out;
}

export const explain: CommandHandler = (cmd, ctx) => {
  const inner = docArg(cmd, "explain", true) as Document;
  const verbosity = cmd.verbosity === undefined ? "allPlansExecution" : cmd.verbosity;
  if (typeof verbosity !== "string" || !VERBOSITIES.has(verbosity)) {
    throw new CommandError(
      "BadValue",
      `verbosity string must be one of {'queryPlanner', 'executionStats', 'allPlansExecution'}`,
    );
  }
  const kind = Object.keys(inner)[0];
  const serverInfo = { host: "127.0.0.1", port: 0, version: VERSION, gitVersion: "devdb" };
  const base = { explainVersion: "1", command: { ...inner, $db: ctx.db }, serverInfo, ok: 1 };
  const hint = inner.hint as Document | string | undefined;
  switch (kind) {
    case "find": {
      const name = collectionArg(inner, "find");
      const filter = docArg(inner, "filter") ?? {};
      const limit = Math.abs(numberArg(inner, "limit") ?? 0);
      const skip = numberArg(inner, "skip") ?? 0;
      const run = explainRun(ctx, name, filter, { sort: docArg(inner, "sort"), skip, limit, hint });
      return { ...sections(ctx, `${ctx.db}.${name}`, run, verbosity), ...base };
    }
    case "count":
    case "distinct": {
      const name = collectionArg(inner, kind);
      const filter = docArg(inner, "query") ?? {};
      const run = explainRun(ctx, name, filter, { hint });
      return { ...sections(ctx, `${ctx.db}.${name}`, run, verbosity), ...base };
    }
    case "aggregate": {
      const name = collectionArg(inner, "aggregate");
      const pushed = pushDown(arrayArg(inner, "pipeline"));
      const run = explainRun(ctx, name, pushed.filter, { ...pushed.opts, hint });
      const s = sections(ctx, `${ctx.db}.${name}`, run, verbosity);
      if (pushed.rest.length === 0) return { ...s, ...base };
      return { ...base, stages: [{ $cursor: s }, ...pushed.rest] };
    }
    default:
      throw new CommandError("IllegalOperation", `devdb cannot explain the command '${String(kind)}'`);
  }
};
