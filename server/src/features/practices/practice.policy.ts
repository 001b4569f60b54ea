import type { Actor } from "../../lib/actor.js";
import { definePolicy, isStaff, read, write } from "../../lib/policyRules.js";

/** What practice rules need to know about the practice thread being acted on. */
export interface PracticeTarget {
  authorId: string;
  /** The room's own moderators (user ids), besides global moderators and admins. */
  roomModerators: readonly string[];
}

const moderates = (actor: Actor, target: Pick<PracticeTarget, "roomModerators">) =>
  isStaff(actor) || target.roomModerators.includes(actor.id);

export const practicePolicy = definePolicy({
  /** The structured record: its author keeps it current; moderators correct it. */
  "practice.edit": write(
    (actor, target: PracticeTarget) => actor.id === target.authorId || moderates(actor, target),
  ),
  /** Turning a discussion into a practice record: moderators of the room, global moderators, admins. */
  "practice.promote": write((actor, target: Pick<PracticeTarget, "roomModerators">) =>
    moderates(actor, target),
  ),
  /** The organizer dashboard and the CSV export of the directory. */
  "practice.viewStats": read((actor) => isStaff(actor)),
  "practice.export": read((actor) => isStaff(actor)),
});
