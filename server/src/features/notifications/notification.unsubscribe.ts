import { createHmac, timingSafeEqual } from "node:crypto";
import { Types } from "mongoose";
import { AppError } from "../../lib/errors.js";
import { siteLink } from "../mail/index.js";
import { updateSettings } from "./notification.service.js";

/** What one email's unsubscribe link turns off: immediate mail, or the digest. */
export type MailScope = "mentions" | "digest";

let secret = "";

/** Set once from SESSION_SECRET: links stay valid across restarts and processes. */
export function configureUnsubscribe(key: string): void {
  secret = `unsubscribe:${key}`;
}

const sign = (body: string) => createHmac("sha256", secret).update(body).digest("base64url").slice(0, 32);

/** `<userId>.<scope>.<signature>`: no expiry, since an unsubscribe link must keep working. */
export function unsubscribeToken(userId: string, scope: MailScope): string {
  const body = `${userId}.${scope}`;
  return `${body}.${sign(body)}`;
}

const invalid = () => new AppError("INVALID_TOKEN", 400, "This unsubscribe link is not valid");

function verify(token: string): { userId: string; scope: MailScope } {
  const [userId = "", scope = "", sig = ""] = token.split(".");
  if (!Types.ObjectId.isValid(userId) || (scope !== "mentions" && scope !== "digest")) throw invalid();
  const expected = Buffer.from(sign(`${userId}.${scope}`));
  const given = Buffer.from(sig);
  if (given.length !== expected.length || !timingSafeEqual(given, expected)) throw invalid();
  return { userId, scope };
}

/** `POST /notifications/unsubscribe/:token`: the one click, without signing in. */
export async function unsubscribe(token: string) {
  const { userId, scope } = verify(token);
  await updateSettings(
    userId,
    scope === "mentions" ? { email: { mentions: false } } : { email: { digest: "off" } },
  );
  return { ok: true as const, unsubscribed: scope };
}

/** The headers and links every notification email carries (RFC 2369 and RFC 8058). */
export function unsubscribeParts(userId: string, scope: MailScope) {
  const url = siteLink(`/api/notifications/unsubscribe/${unsubscribeToken(userId, scope)}`);
  return {
    url,
    settingsUrl: siteLink("/account/notifications"),
    headers: { "List-Unsubscribe": `<${url}>`, "List-Unsubscribe-Post": "List-Unsubscribe=One-Click" },
  };
}
