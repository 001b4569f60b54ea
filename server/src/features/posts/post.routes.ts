import { Router } from "express";
import { PostCreateInput, PostUpdateInput, ReactInput } from "@rembuk/shared";
import { idParam } from "../../lib/http/params.js";
import { actorOf, limit, requireActor, requireAuth } from "../../lib/http/requireAuth.js";
import { validate } from "../../lib/http/validate.js";
import { createPost, deletePost, loadVisiblePost, postHistory, reactToPost, updatePost } from "./post.service.js";
import { presentPost } from "./post.presenter.js";

/** Posts: create (idempotent by clientId), read one, edit with history, soft delete, react. */
export function postRouter(): Router {
  const router = Router();

  router.post(
    "/threads/:id/posts",
    requireAuth,
    limit("write"),
    validate(PostCreateInput, "body", async (input, req, res) => {
      const { post, created } = await createPost(requireActor(res), idParam(req.params), input);
      res.status(created ? 201 : 200).json({ post });
    }),
  );

  router.get("/posts/:id", async (req, res) => {
    const actor = actorOf(res);
    const { post, room } = await loadVisiblePost(actor, idParam(req.params));
    res.json({ post: await presentPost(actor, room, post) });
  });

  router.get("/posts/:id/history", async (req, res) => {
    res.json({ revisions: await postHistory(actorOf(res), idParam(req.params)) });
  });

  router.patch(
    "/posts/:id",
    requireAuth,
    limit("write"),
    validate(PostUpdateInput, "body", async (input, req, res) => {
      res.json({ post: await updatePost(requireActor(res), idParam(req.params), input) });
    }),
  );

  router.delete("/posts/:id", requireAuth, limit("write"), async (req, res) => {
    res.json({ post: await deletePost(requireActor(res), idParam(req.params)) });
  });

  router.post(
    "/posts/:id/reactions",
    requireAuth,
    limit("write"),
    validate(ReactInput, "body", async (input, req, res) => {
      res.json({ post: await reactToPost(requireActor(res), idParam(req.params), input) });
    }),
  );

  return router;
}
