import type { Locale } from "@rembuk/shared";
import { escapeHtml, siteLink } from "../mail/index.js";
import type { NotificationRecord } from "./notification.model.js";

/** One line of a notification email: what happened, where. */
export interface MailLine {
  text: string;
  url: string;
}

type Entry = Pick<NotificationRecord, "kind" | "detail" | "count" | "title" | "target">;

const quote = (t: string | null) => (t ? `"${t}"` : "");

/** How one inbox entry reads in mail, in the recipient's language. */
export function lineFor(locale: Locale, n: Entry, actorName: string | null): MailLine {
  const who = actorName ?? (locale === "id" ? "Seseorang" : "Someone");
  const where = quote(n.title);
  const id: Record<string, string> = {
    mention: `${who} menyebut Anda di ${where}`,
    reply: n.count > 1 ? `${n.count} balasan baru di ${where}` : `${who} membalas Anda di ${where}`,
    watched: n.count > 1 ? `${n.count} pesan baru di ${where}` : `Pesan baru di ${where}`,
    adoption: `Kabar adopsi praktik ${where}`,
    "qa.starting": `Sesi tanya jawab ${where} dimulai`,
  };
  const en: Record<string, string> = {
    mention: `${who} mentioned you in ${where}`,
    reply: n.count > 1 ? `${n.count} new replies in ${where}` : `${who} replied to you in ${where}`,
    watched: n.count > 1 ? `${n.count} new posts in ${where}` : `New post in ${where}`,
    adoption: `Adoption news for ${where}`,
    "qa.starting": `The Q&A session ${where} is starting`,
  };
  const table = locale === "id" ? id : en;
  const fallback = locale === "id" ? `Pembaruan ${where}` : `Update ${where}`;
  return { text: (table[n.kind] ?? fallback).trim(), url: siteLink(n.target.url) };
}

const COPY = {
  id: {
    immediate: (first: string) => first,
    digest: (count: number) => `Ringkasan: ${count} kabar baru dari yang Anda ikuti`,
    hello: (name: string) => `Halo ${name},`,
    settings: "Atur email dari Rembuk",
    why: "Anda menerima email ini karena pengaturan notifikasi akun Rembuk Anda.",
  },
  en: {
    immediate: (first: string) => first,
    digest: (count: number) => `Digest: ${count} new things in what you follow`,
    hello: (name: string) => `Hello ${name},`,
    settings: "Choose which emails Rembuk sends you",
    why: "You receive this email because of your Rembuk notification settings.",
  },
} as const;

/** An immediate notification (one line) or a digest (several), as text and HTML, with a settings link. */
export function renderNotificationMail(
  locale: Locale,
  name: string,
  lines: readonly MailLine[],
  opts: { digest: boolean; settingsUrl: string },
) {
  const c = COPY[locale];
  const subject = `Rembuk: ${opts.digest ? c.digest(lines.length) : c.immediate(lines[0]?.text ?? "")}`;
  const text = [
    c.hello(name),
    "",
    ...lines.flatMap((l) => [`- ${l.text}`, `  ${l.url}`]),
    "",
    `${c.settings}: ${opts.settingsUrl}`,
    c.why,
    "",
    "— Rembuk",
  ].join("\n");
  const items = lines
    .map((l) => `<li><a href="${escapeHtml(l.url)}">${escapeHtml(l.text)}</a></li>`)
    .join("");
  const html = `<!doctype html><html lang="${locale}"><body style="font-family:system-ui,sans-serif;line-height:1.5;color:#1a1a1a;max-width:560px;margin:0 auto;padding:16px"><h1 style="font-size:20px;color:#0f5f4a">Rembuk</h1><p>${escapeHtml(c.hello(name))}</p><ul>${items}</ul><p style="font-size:13px;color:#555"><a href="${escapeHtml(opts.settingsUrl)}">${escapeHtml(c.settings)}</a>. ${escapeHtml(c.why)}</p></body></html>`;
  return { subject: subject.slice(0, 290), text, html };
}
