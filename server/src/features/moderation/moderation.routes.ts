import { Router, type Request, type Response } from "express";
import {
  FeaturedQuery,
  FlagAssignInput,
  FlagBulkInput,
  FlagCreateInput,
  FlagListQuery,
  FlagNoteInput,
  FlagResolveInput,
  ModLogQuery,
  PostModerateInput,
  QueueQuery,
  ThreadModerateInput,
} from "@rembuk/shared";
import { idParam } from "../../lib/http/params.js";
import { actorOf, limit, requireActor, requireAuth } from "../../lib/http/requireAuth.js";
import { validate } from "../../lib/http/validate.js";
import { parseOrThrow } from "../../lib/zodErrors.js";
import {
  addFlagNote,
  assignFlag,
  bulkFlags,
  createFlag,
  listFlags,
  listOwnFlags,
  resolveFlag,
} from "./flag.service.js";
import { listModLog } from "./modAction.service.js";
import { exportModLogCsv } from "./modLog.csv.js";
import { getScope, listFeatured, listModerators, listSuspended } from "./moderation.service.js";
import { moderatePost } from "./post.moderation.js";
import { listQueue, listThreadQueued } from "./queue.service.js";
import { moderateThread } from "./thread.moderation.js";

async function sendLogCsv(req: Request, res: Response) {
  const { cursor: _cursor, limit: _limit, ...filters } = parseOrThrow(ModLogQuery, req.query);
  const csv = await exportModLogCsv(actorOf(res), filters);
  const day = new Date().toISOString().slice(0, 10);
  res.type("text/csv; charset=utf-8").attachment(`rembuk-log-moderasi-${day}.csv`).send(csv);
}

/** DESIGN.md §5 moderation endpoints, plus flag workflow, scope, featured list and suspensions. Thin: parse, call, answer. */
export function moderationRouter(): Router {
  const router = Router();

  router.post(
    "/threads/:id/moderate",
    requireAuth,
    limit("write"),
    validate(ThreadModerateInput, "body", async (input, req, res) => {
      res.json({ thread: await moderateThread(requireActor(res), idParam(req.params), input) });
    }),
  );

  router.post(
    "/posts/:id/moderate",
    requireAuth,
    limit("write"),
    validate(PostModerateInput, "body", async (input, req, res) => {
      res.json({ post: await moderatePost(requireActor(res), idParam(req.params), input) });
    }),
  );

  router.get("/threads/:id/queued", async (req, res) => {
    res.json({ posts: await listThreadQueued(actorOf(res), idParam(req.params)) });
  });

  router.get(
    "/moderation/queue",
    validate(QueueQuery, "query", async (query, _req, res) => {
      res.json({ items: await listQueue(actorOf(res), query) });
    }),
  );

  router.get("/moderation/scope", requireAuth, async (_req, res) => {
    res.json({ scope: await getScope(actorOf(res)) });
  });

  router.post(
    "/flags",
    requireAuth,
    limit("write"),
    validate(FlagCreateInput, "body", async (input, _req, res) => {
      res.status(201).json({ flag: await createFlag(requireActor(res), input) });
    }),
  );

  router.get("/flags/mine", requireAuth, async (_req, res) => {
    res.json({ flags: await listOwnFlags(actorOf(res)) });
  });

  router.post(
    "/flags/:id/resolve",
    requireAuth,
    limit("write"),
    validate(FlagResolveInput, "body", async (input, req, res) => {
      res.json({ flag: await resolveFlag(requireActor(res), idParam(req.params), input) });
    }),
  );

  router.get(
    "/moderation/flags",
    validate(FlagListQuery, "query", async (query, _req, res) => {
      res.json(await listFlags(actorOf(res), query));
    }),
  );

  router.post(
    "/moderation/flags/bulk",
    requireAuth,
    limit("write"),
    validate(FlagBulkInput, "body", async (input, _req, res) => {
      res.json(await bulkFlags(requireActor(res), input));
    }),
  );

  router.post(
    "/moderation/flags/:id/assign",
    requireAuth,
    limit("write"),
    validate(FlagAssignInput, "body", async (input, req, res) => {
      res.json({ flag: await assignFlag(requireActor(res), idParam(req.params), input) });
    }),
  );

  router.post(
    "/moderation/flags/:id/notes",
    requireAuth,
    limit("write"),
    validate(FlagNoteInput, "body", async (input, req, res) => {
      res.json({ flag: await addFlagNote(requireActor(res), idParam(req.params), input) });
    }),
  );

  // `Accept: text/csv` on the log's URL, or the explicit `.csv` address a download link can use.
  router.get("/moderation/log.csv", sendLogCsv);
  router.get("/moderation/log", async (req, res) => {
    if (req.accepts(["application/json", "text/csv"]) === "text/csv") return sendLogCsv(req, res);
    res.json(await listModLog(actorOf(res), parseOrThrow(ModLogQuery, req.query)));
  });

  router.get("/moderation/suspended", async (_req, res) => {
    res.json({ users: await listSuspended(actorOf(res)) });
  });

  router.get("/moderation/moderators", async (_req, res) => {
    res.json({ users: await listModerators(actorOf(res)) });
  });

  router.get(
    "/featured",
    validate(FeaturedQuery, "query", async (query, _req, res) => {
      res.json({ threads: await listFeatured(actorOf(res), query) });
    }),
  );

  return router;
}
