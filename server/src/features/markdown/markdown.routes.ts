import { Router } from "express";
import { MarkdownPreviewInput } from "@rembuk/shared";
import { limit, requireAuth } from "../../lib/http/requireAuth.js";
import { validate } from "../../lib/http/validate.js";
import { renderBody } from "./markdown.service.js";

/**
 * `POST /markdown/preview {body}` → `{html, mentions}`: the composer's preview tab. Rendering on the
 * server means the preview is exactly what the post will show (same sanitiser, same mention lookup)
 * and the client ships no second Markdown renderer that could drift from it. Signed-in users only
 * (only they compose); it spends the `read` budget, not the `write` one, since nothing is stored.
 */
export function markdownRouter(): Router {
  const router = Router();
  router.post(
    "/markdown/preview",
    requireAuth,
    limit("read"),
    validate(MarkdownPreviewInput, "body", async (input, _req, res) => {
      const rendered = await renderBody(input.body);
      res.json({ html: rendered.html, mentions: rendered.mentions });
    }),
  );
  return router;
}
