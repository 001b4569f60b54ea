import { definePolicy, isAdmin, read } from "../../lib/policyRules.js";

export const mailPolicy = definePolicy({
  /** The outbox holds other people's addresses and live links: admins only. */
  "mail.viewOutbox": read((actor) => isAdmin(actor)),
});
