import type { id } from "./messages.id";

export const en: Record<keyof typeof id, string> = {
  "account.pageTitle": "Account settings",
  "account.title": "Account settings",
  "account.lead": "Your email, password, the devices signed in, and the verification of your position.",

  "account.email.title": "Email address",
  "account.email.confirmed": "Confirmed",
  "account.email.unconfirmed": "Not confirmed",
  "account.email.unconfirmedExplain":
    "Open the link we sent to this address. Until it is confirmed you cannot request verification or receive email.",
  "account.email.resend": "Send the confirmation link again",
  "account.email.resent": "A new link has been sent to {email}.",
  "account.email.pending":
    "Awaiting confirmation: {email}. It replaces the current address once the link in that email is opened.",
  "account.email.change": "Change email",
  "account.email.new": "New email",
  "account.email.newHint": "We send a confirmation link to the new address.",
  "account.email.send": "Send confirmation link",

  "account.password.title": "Password",
  "account.password.current": "Current password",
  "account.password.new": "New password",
  "account.password.repeat": "Repeat the new password",
  "account.password.mismatch": "The two passwords differ.",
  "account.password.wrongCurrent": "The current password is wrong.",
  "account.password.othersSignedOut":
    "Once changed, every other device is signed out; this one stays signed in.",
  "account.password.submit": "Change password",
  "account.password.changed": "Password changed. Every other device has been signed out of your account.",

  "account.sessions.title": "Devices signed in",
  "account.sessions.lead": "If you do not recognise a device, sign it out and change your password.",
  "account.sessions.device": "{browser} on {system}",
  "account.sessions.unknownDevice": "Unknown device",
  "account.sessions.thisDevice": "This device",
  "account.sessions.meta": "Signed in {created} · last active {seen}",
  "account.sessions.signOutOthers": "Sign out other devices",
  "account.sessions.signedOutOthers": "Every other device has been signed out.",
  "account.sessions.error": "The device list could not be loaded.",

  "account.forgot.pageTitle": "Forgot password",
  "account.forgot.title": "Forgot your password?",
  "account.forgot.lead": "Enter your account's email. We will send a link to choose a new password.",
  "account.forgot.submit": "Send link",
  "account.forgot.sent":
    "If {email} is registered on Rembuk, a link to choose a new password has been sent there. It works once, for one hour.",
  "account.forgot.backToLogin": "Back to sign in",
  "account.forgot.link": "Forgot password?",

  "account.reset.pageTitle": "Choose a new password",
  "account.reset.title": "Choose a new password",
  "account.reset.lead": "Pick a new password for your Rembuk account.",
  "account.reset.submit": "Save and sign in",
  "account.reset.othersSignedOut": "Every other device signed in to this account will be signed out.",
  "account.reset.again": "Ask for a new link",
  "account.reset.done": "New password saved. Welcome back, {name}.",

  "account.confirm.pageTitle": "Confirm email",
  "account.confirm.title": "Confirm email",
  "account.confirm.lead": "We are checking the link from your email.",
  "account.confirm.working": "Checking the link…",
  "account.confirm.done.email": "Thank you, your account's email address is confirmed.",
  "account.confirm.done.newEmail": "Your new email address is confirmed and now used for your account.",
  "account.confirm.done.officialEmail":
    "Official email confirmed. Moderators now see it as evidence on your verification request.",
  "account.confirm.toAccount": "Open account settings",
  "account.confirm.toLogin": "Sign in",
  "account.confirm.home": "Go to the home page",
};
