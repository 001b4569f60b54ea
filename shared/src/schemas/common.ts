import { z } from "zod";
import { LIMITS } from "../limits.js";

/** A MongoDB ObjectId as 24 hex characters; anything else is a malformed id (400). */
export const ObjectIdString = z.string().regex(/^[a-f0-9]{24}$/i, "Malformed id");

/** Client-generated idempotency key for writes. */
export const ClientId = z
  .string()
  .min(LIMITS.clientId.min)
  .max(LIMITS.clientId.max)
  .regex(/^[A-Za-z0-9_-]+$/, "Use letters, digits, - and _");

export const Locale = z.enum(["id", "en"]);
export type Locale = z.infer<typeof Locale>;

/** Kemendagri code: a province (`33`) or a kabupaten/kota (`33.73`). Existence is checked on the server. */
export const RegionCode = z.string().regex(/^\d{2}(\.\d{2})?$/, "Use a Kemendagri code like 33 or 33.73");

export const Affiliation = z.discriminatedUnion("kind", [
  z.object({ kind: z.literal("region"), code: RegionCode }).strict(),
  z
    .object({
      kind: z.literal("agency"),
      name: z.string().trim().min(LIMITS.agencyName.min).max(LIMITS.agencyName.max),
    })
    .strict(),
]);
export type Affiliation = z.infer<typeof Affiliation>;

/** ISO-8601 date-time string as produced by `Date#toISOString`. */
export const IsoDate = z.iso.datetime({ offset: true });
