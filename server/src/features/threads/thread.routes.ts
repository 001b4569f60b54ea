import { Router } from "express";
import {
  AuthorThreadsQuery,
  MarkReadInput,
  PostListQuery,
  RoomSlugParams,
  ThreadCreateInput,
  ThreadListQuery,
} from "@rembuk/shared";
import { idParam } from "../../lib/http/params.js";
import { actorOf, limit, requireActor, requireAuth } from "../../lib/http/requireAuth.js";
import { validate } from "../../lib/http/validate.js";
import { parseOrThrow } from "../../lib/zodErrors.js";
import { listPosts } from "../posts/index.js";
import { markRead } from "../readstate/index.js";
import { listThreadsByAuthor } from "./thread.byAuthor.js";
import { createThread, getThread, listThreads } from "./thread.service.js";

const slugParam = (params: unknown) => parseOrThrow(RoomSlugParams, params).slug;

/** Threads in a room, one thread, its posts (paged by seq) and the viewer's read mark. */
export function threadRouter(): Router {
  const router = Router();

  router.get(
    "/rooms/:slug/threads",
    validate(ThreadListQuery, "query", async (query, req, res) => {
      res.json(await listThreads(actorOf(res), slugParam(req.params), query));
    }),
  );

  router.post(
    "/rooms/:slug/threads",
    requireAuth,
    limit("write"),
    validate(ThreadCreateInput, "body", async (input, req, res) => {
      const { thread, created } = await createThread(
        requireActor(res),
        { slug: slugParam(req.params) },
        input,
      );
      res.status(created ? 201 : 200).json({ thread });
    }),
  );

  router.get(
    "/users/:id/threads",
    validate(AuthorThreadsQuery, "query", async (query, req, res) => {
      res.json(await listThreadsByAuthor(actorOf(res), idParam(req.params), query));
    }),
  );

  router.get("/threads/:id", async (req, res) => {
    res.json({ thread: await getThread(actorOf(res), idParam(req.params)) });
  });

  router.get(
    "/threads/:id/posts",
    validate(PostListQuery, "query", async (query, req, res) => {
      res.json(await listPosts(actorOf(res), idParam(req.params), query));
    }),
  );

  router.post(
    "/threads/:id/read",
    requireAuth,
    limit("write"),
    validate(MarkReadInput, "body", async (input, req, res) => {
      res.json({ read: await markRead(requireActor(res), idParam(req.params), input.seq) });
    }),
  );

  return router;
}
