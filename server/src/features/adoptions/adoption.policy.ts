import type { Actor } from "../../lib/actor.js";
import { definePolicy, write } from "../../lib/policyRules.js";
import { affiliationKey } from "./affiliation.js";

/** What ledger rules need to know about an adoption. */
export interface AdoptionTarget {
  adopterId: string;
  affiliationKey: string;
}

export const adoptionPolicy = definePolicy({
  /** Any signed-in member with an affiliation may declare interest on behalf of it. */
  "adoption.create": write((actor) => actor.affiliation !== null),
  /**
   * Moving an adoption along: the person who declared it, or a verified leader of the same region or
   * agency (staff change; the ledger belongs to the region). Moderators do not write other regions'
   * ledgers.
   */
  "adoption.advance": write(
    (actor: Actor, target: AdoptionTarget) =>
      actor.id === target.adopterId ||
      (actor.verified &&
        actor.affiliation !== null &&
        affiliationKey(actor.affiliation) === target.affiliationKey),
  ),
});
