export { configureMail, enqueueMail } from "./mail.service.js";
export { startMailSender, stopMailSender } from "./mail.sender.js";
export { mailLink } from "./mail.links.js";
export { mailPolicy } from "./mail.policy.js";
export { mailHandlers } from "./mail.commands.js";
