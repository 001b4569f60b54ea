import { Binary, type Document } from "bson";
import { docArg } from "./args.js";
import type { CommandHandler } from "./context.js";

/**
 * `devdbSnapshot` (devdb's own command, used by `exportDatabase`): a cursor over the whole `$db`
 * as of one instant. Every command applies its writes in memory synchronously, so the moment
 * this runs lies between two commands and no write is half applied. Stored documents are
 * immutable, so capturing references is enough: writes that follow replace documents instead of
 * changing them, and the cursor keeps serving the captured state while the server serves others.
 *
 * Entries, grouped by collection: `{c, meta: {options, indexes, uuid}}` then `{c, d: document}`.
 */
export const devdbSnapshot: CommandHandler = (cmd, ctx) => {
  const entries: Document[] = [];
  for (const coll of ctx.engine.databases.get(ctx.db)?.values() ?? []) {
    entries.push({
      c: coll.name,
      meta: { options: coll.options, indexes: coll.indexSpecs(), uuid: new Binary(coll.uuid, 4) },
    });
    for (const d of coll.docs.values()) entries.push({ c: coll.name, d });
  }
  const batchSize = (docArg(cmd, "cursor") ?? {}).batchSize as number | undefined;
  return ctx.cursors.firstBatch(`${ctx.db}.$cmd.devdbSnapshot`, entries, batchSize, false);
};
