import type { Request, RequestHandler, Response } from "express";
import type { z } from "zod";
import { parseOrThrow } from "../zodErrors.js";

type Source = "body" | "query" | "params";

/**
 * Route handler that receives one part of the request already parsed by a shared schema; bad input
 * becomes a 400 VALIDATION with field errors before `handler` runs. Express 5 forwards rejections.
 *
 *   router.post("/threads/:id/posts", validate(PostCreateInput, "body", async (input, req, res) => …))
 */
export function validate<S extends z.ZodType>(
  schema: S,
  source: Source,
  handler: (input: z.infer<S>, req: Request, res: Response) => Promise<unknown> | unknown,
): RequestHandler {
  return async (req, res) => {
    const input = parseOrThrow(schema, req[source] ?? {});
    await handler(input, req, res);
  };
}
