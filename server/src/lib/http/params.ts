import { ObjectIdString } from "@rembuk/shared";
import { z } from "zod";
import { parseOrThrow } from "../zodErrors.js";

/** `:id` route parameters: anything but 24 hex characters is a malformed id (400), never a 404 or 500. */
export const IdParams = z.object({ id: ObjectIdString });

export function idParam(params: unknown): string {
  return parseOrThrow(IdParams, params).id;
}
