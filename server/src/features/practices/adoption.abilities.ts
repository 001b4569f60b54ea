import type { AdoptionAbilitiesDto } from "@rembuk/shared";
import type { Actor } from "../../lib/actor.js";
import { can } from "../../lib/policy.js";
import type { AdoptionRecord } from "./adoption.model.js";

/** What `viewer` may do with one adoption of a practice they see. */
export function adoptionAbilities(
  viewer: Actor | null,
  a: Pick<AdoptionRecord, "adopter" | "affiliationKey">,
): AdoptionAbilitiesDto {
  return {
    advance: can(viewer, "adoption.advance", {
      adopterId: a.adopter.toString(),
      affiliationKey: a.affiliationKey,
    }),
  };
}
