import { officeKeyOf } from "./office.js";
import { User } from "./user.model.js";
import { toAffiliation } from "./user.presenter.js";

/**
 * Accounts created before offices were tracked have no `officeKey`: compute it once at start so
 * the one-holder-per-office rule and the queue's conflicts see them. Cheap after the first run
 * (the filter matches nothing). A duplicate verified holder from before the rule stays as it is
 * (its key is left unset) for a moderator to sort out, rather than failing the start.
 */
export async function backfillOfficeKeys(): Promise<void> {
  const rows = await User.find({ officeKey: { $exists: false } }, { title: 1, affiliation: 1 }).lean();
  for (const u of rows) {
    const key = officeKeyOf(u.title ?? "", toAffiliation(u.affiliation));
    await User.updateOne({ _id: u._id }, { $set: { officeKey: key } }).catch(() =>
      User.updateOne({ _id: u._id }, { $set: { officeKey: null } }),
    );
  }
}
