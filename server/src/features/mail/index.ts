export { configureMail, enqueueMail, enqueueRendered, type Recipient } from "./mail.service.js";
export { startMailSender, stopMailSender } from "./mail.sender.js";
export { mailLink, siteLink } from "./mail.links.js";
export { mailPolicy } from "./mail.policy.js";
export { mailHandlers } from "./mail.commands.js";
export { escapeHtml } from "./mail.templates.js";
