/** The base of every link in mail (PUBLIC_URL), set once by the app. */
let base = "http://localhost:3000";

export function setMailLinkBase(publicUrl: string): void {
  base = publicUrl.replace(/\/+$/, "");
}

/** `PUBLIC_URL/confirm-email?token=…`: the token is URL-safe (base64url) but encoded anyway. */
export function mailLink(path: "/confirm-email" | "/reset-password", token: string): string {
  return `${base}${path}?token=${encodeURIComponent(token)}`;
}

/** `PUBLIC_URL` + a path of the site (notification mail: the item, the settings page, unsubscribe). */
export const siteLink = (path: string) => `${base}${path}`;
