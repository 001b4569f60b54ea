import type { id } from "./messages.id";

export const en: Record<keyof typeof id, string> = {
  "verification.title": "Position verification",
  "verification.lead":
    "The position and affiliation you enter are a claim until a moderator checks them. Only a verified position acts in a region's or agency's name: restricted rooms, practice adoptions, publishing without the queue.",
  "verification.status.verified": "Verified",
  "verification.status.pending": "Under review",
  "verification.status.rejected": "Rejected",
  "verification.status.verified.explain":
    "This position and affiliation are verified. Changing either ends the verification.",
  "verification.status.pending.explain":
    "A moderator is reviewing your request. You will see the outcome here.",
  "verification.status.rejected.explain":
    "Your last request was rejected. You can ask again with fuller evidence.",
  "verification.status.none.explain": "Your position shows as “not verified” until it is checked.",
  "verification.status.noClaim.explain":
    "You have not stated a position or affiliation. If you hold an office in a region or agency, request verification below.",
  "verification.status.reason": "Reason: {reason}",
  "verification.status.sentAt": "Requested {date}",
  "verification.officialEmail.waiting":
    "Official email {email} awaits confirmation: open the link we sent there.",
  "verification.officialEmail.confirmed": "Official email {email} is confirmed.",
  "verification.needsEmail": "Confirm your account's email before requesting verification.",
  "verification.needsEmail.link": "See account email",
  "verification.update": "Update the request",

  "verification.form.title": "Request verification",
  "verification.form.officeTitle": "Position",
  "verification.form.officialEmail": "Official email",
  "verification.form.officialEmail.hint":
    "An address on a government domain (…go.id). We send a confirmation link there.",
  "verification.form.officialEmail.domain": "Use an address on a government domain (…go.id).",
  "verification.form.decreeNumber": "Appointment decree (SK) number",
  "verification.form.decreeNumber.hint": "For example: 131.35-1234 of 2025.",
  "verification.form.decreeDate": "Decree date",
  "verification.form.note": "Note for the moderator",
  "verification.form.note.hint": "For example whom to contact to confirm.",
  "verification.form.claimNotice":
    "This position and affiliation become your profile's and show as “not verified” until a moderator decides.",
  "verification.form.submit": "Send request",
  "verification.form.sent": "Verification request sent to the moderators.",
  "verification.form.sentWithMail": "Request sent. Open the link we sent to your official email.",

  "verification.toast.approved": "Your position is now verified.",
  "verification.toast.rejected": "Your verification request was rejected. Reason: {reason}",
  "verification.toast.revoked": "Your position's verification was revoked. Reason: {reason}",

  "verification.profile.request": "Request verification",
  "verification.profile.pending": "Verification under review",

  "verification.queue.title": "Verification requests",
  "verification.queue.lead":
    "Check each claim and its evidence. A leadership office has one verified holder at a time; other claims to the same office show as conflicts.",
  "verification.queue.filter": "Show",
  "verification.queue.status.pending": "Waiting",
  "verification.queue.status.approved": "Approved",
  "verification.queue.status.rejected": "Rejected",
  "verification.queue.empty.pending": "No requests waiting.",
  "verification.queue.empty.other": "Nothing here yet.",
  "verification.queue.error": "The verification requests could not be loaded.",
  "verification.queue.claim": "Claim",
  "verification.queue.evidence": "Evidence",
  "verification.queue.officialEmail": "Official email",
  "verification.queue.emailConfirmed": "confirmed",
  "verification.queue.emailWaiting": "not confirmed yet",
  "verification.queue.noEmail": "No official email",
  "verification.queue.decree": "Decree",
  "verification.queue.decreeValue": "{number}, {date}",
  "verification.queue.noDecree": "No decree",
  "verification.queue.note": "Note",
  "verification.queue.office": "Leadership office: {office}",
  "verification.queue.conflicts": "Conflict: other accounts claim the same office",
  "verification.queue.conflict.verified": "verified now",
  "verification.queue.conflict.pending": "also requested",
  "verification.queue.conflict.claims": "claims it on their profile",
  "verification.queue.conflictBlocks": "Revoke the current holder's verification before approving.",
  "verification.queue.requested": "Requested {when}",
  "verification.queue.decided": "{status} by {name}, {when}",
  "verification.queue.reason": "Reason: {reason}",
  "verification.queue.approve": "Approve",
  "verification.queue.reject": "Reject",
  "verification.queue.revoke": "Revoke verification",
  "verification.queue.approvedToast": "Verification approved. The member sees the verified badge at once.",
  "verification.queue.rejectTitle": "Reject the verification request",
  "verification.queue.rejectDescription": "{name} will read this reason.",
  "verification.queue.rejected": "Request rejected and the reason sent.",
  "verification.queue.revokeTitle": "Revoke verification",
  "verification.queue.revokeDescription":
    "{name} loses the verified badge and access in their region's or agency's name.",
  "verification.queue.revoked": "Verification revoked.",
  "verification.queue.stillVerified": "Still verified",
};
