import { definePolicy, isAdmin, write } from "../../lib/policyRules.js";

export const searchPolicy = definePolicy({
  /** The synonym and acronym list belongs to the site's settings: admins only. */
  "search.editSynonyms": write((actor) => isAdmin(actor)),
});
