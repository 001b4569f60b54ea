import type { Actor } from "../../lib/actor.js";
import { definePolicy, write } from "../../lib/policyRules.js";
import { affiliationKey } from "../users/index.js";

/** What ledger rules need to know about an adoption. */
export interface AdoptionTarget {
  adopterId: string;
  affiliationKey: string;
}

export const adoptionPolicy = definePolicy({
  /**
   * Declaring an adoption speaks in a region's or agency's name: a verified member of it only
   * (the service answers 403 NOT_VERIFIED to the unverified).
   */
  "adoption.create": write((actor) => actor.verified && actor.affiliation !== null),
  /**
   * Moving an adoption along: a verified member of the adopting region or agency (the person who
   * declared it, or their successor in office; the ledger belongs to the region). Whoever declared
   * it but has since changed affiliation or lost verification no longer speaks for it. Moderators
   * do not write other regions' ledgers.
   */
  "adoption.advance": write(
    (actor: Actor, target: AdoptionTarget) =>
      actor.verified &&
      actor.affiliation !== null &&
      affiliationKey(actor.affiliation) === target.affiliationKey,
  ),
});
