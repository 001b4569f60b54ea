import type { Locale, MailKind } from "@rembuk/shared";

/**
 * Every message Rembuk sends, in both languages (the recipient's locale), as plain text and HTML.
 * No tracking: no images, no pixel, no rewritten links; the only link is the action itself.
 */
export interface MailVars {
  name: string;
  /** The action link (confirm, reset), when the message has one. */
  link?: string;
  /** Verification outcome. */
  decision?: "approved" | "rejected" | "revoked";
  reason?: string | null;
  office?: string;
}

interface Copy {
  subject: string;
  intro: string;
  action?: string;
  outro: string;
}

const PRODUCT = "Rembuk";

/** The messages written here; notification mail and digests render their own lists (notifications feature). */
export type TemplateKind = Exclude<MailKind, "notification" | "digest">;

const COPY: Record<Locale, (kind: TemplateKind, v: MailVars) => Copy> = {
  id: (kind, v) => {
    switch (kind) {
      case "confirm-email":
        return {
          subject: "Konfirmasi alamat email Anda",
          intro: `Halo ${v.name}, terima kasih telah mendaftar di ${PRODUCT}. Buka tautan di bawah untuk mengonfirmasi alamat email ini.`,
          action: "Konfirmasi email",
          outro:
            "Tautan berlaku 48 jam dan hanya dapat dipakai sekali. Abaikan pesan ini jika Anda tidak mendaftar.",
        };
      case "change-email":
        return {
          subject: "Konfirmasi alamat email baru Anda",
          intro: `Halo ${v.name}, Anda meminta agar akun ${PRODUCT} Anda memakai alamat ini. Buka tautan di bawah untuk mengonfirmasinya.`,
          action: "Pakai alamat ini",
          outro:
            "Tautan berlaku 48 jam dan hanya dapat dipakai sekali. Abaikan pesan ini jika Anda tidak memintanya.",
        };
      case "official-email":
        return {
          subject: "Konfirmasi email dinas untuk verifikasi",
          intro: `Halo ${v.name}, alamat dinas ini disebut sebagai bukti dalam permohonan verifikasi jabatan ${v.office ?? ""} di ${PRODUCT}. Buka tautan di bawah untuk mengonfirmasi bahwa Anda menerima email di alamat ini.`,
          action: "Konfirmasi email dinas",
          outro:
            "Tautan berlaku 48 jam dan hanya dapat dipakai sekali. Abaikan pesan ini jika Anda tidak mengajukan verifikasi.",
        };
      case "reset-password":
        return {
          subject: "Atur ulang kata sandi Anda",
          intro: `Halo ${v.name}, seseorang meminta pengaturan ulang kata sandi akun ${PRODUCT} Anda. Buka tautan di bawah untuk memilih kata sandi baru.`,
          action: "Atur ulang kata sandi",
          outro:
            "Tautan berlaku 1 jam dan hanya dapat dipakai sekali. Jika bukan Anda yang meminta, abaikan pesan ini: kata sandi Anda tidak berubah.",
        };
      case "password-changed":
        return {
          subject: "Kata sandi Anda telah diubah",
          intro: `Halo ${v.name}, kata sandi akun ${PRODUCT} Anda baru saja diubah dan perangkat lain telah dikeluarkan.`,
          outro:
            'Jika bukan Anda, gunakan "Lupa kata sandi" di halaman masuk untuk mengambil alih kembali akun Anda.',
        };
      case "verification-decided":
        return {
          subject:
            v.decision === "approved"
              ? "Jabatan Anda telah terverifikasi"
              : v.decision === "revoked"
                ? "Verifikasi jabatan Anda dicabut"
                : "Permohonan verifikasi Anda ditolak",
          intro:
            v.decision === "approved"
              ? `Halo ${v.name}, moderator ${PRODUCT} telah memverifikasi jabatan ${v.office ?? ""} Anda. Lencana terverifikasi kini tampil di profil Anda.`
              : `Halo ${v.name}, ${v.decision === "revoked" ? "verifikasi jabatan Anda dicabut" : "permohonan verifikasi jabatan Anda ditolak"} oleh moderator ${PRODUCT}.${v.reason ? ` Alasan: ${v.reason}` : ""}`,
          outro: "Anda dapat mengajukan permohonan baru dari halaman profil.",
        };
    }
  },
  en: (kind, v) => {
    switch (kind) {
      case "confirm-email":
        return {
          subject: "Confirm your email address",
          intro: `Hello ${v.name}, thank you for joining ${PRODUCT}. Open the link below to confirm this email address.`,
          action: "Confirm email",
          outro: "The link works once and expires in 48 hours. Ignore this message if you did not sign up.",
        };
      case "change-email":
        return {
          subject: "Confirm your new email address",
          intro: `Hello ${v.name}, you asked for your ${PRODUCT} account to use this address. Open the link below to confirm it.`,
          action: "Use this address",
          outro:
            "The link works once and expires in 48 hours. Ignore this message if you did not ask for it.",
        };
      case "official-email":
        return {
          subject: "Confirm your official email for verification",
          intro: `Hello ${v.name}, this official address was given as evidence in a request to verify the office ${v.office ?? ""} on ${PRODUCT}. Open the link below to confirm that you receive mail here.`,
          action: "Confirm official email",
          outro:
            "The link works once and expires in 48 hours. Ignore this message if you did not request verification.",
        };
      case "reset-password":
        return {
          subject: "Reset your password",
          intro: `Hello ${v.name}, someone asked to reset the password of your ${PRODUCT} account. Open the link below to choose a new one.`,
          action: "Reset password",
          outro:
            "The link works once and expires in 1 hour. If it was not you, ignore this message: your password is unchanged.",
        };
      case "password-changed":
        return {
          subject: "Your password was changed",
          intro: `Hello ${v.name}, the password of your ${PRODUCT} account was just changed and your other devices were signed out.`,
          outro: 'If this was not you, use "Forgot password" on the sign-in page to take your account back.',
        };
      case "verification-decided":
        return {
          subject:
            v.decision === "approved"
              ? "Your office is verified"
              : v.decision === "revoked"
                ? "Your verification was revoked"
                : "Your verification request was declined",
          intro:
            v.decision === "approved"
              ? `Hello ${v.name}, a ${PRODUCT} moderator verified your office ${v.office ?? ""}. The verified badge now shows on your profile.`
              : `Hello ${v.name}, a ${PRODUCT} moderator ${v.decision === "revoked" ? "revoked your verification" : "declined your verification request"}.${v.reason ? ` Reason: ${v.reason}` : ""}`,
          outro: "You can send a new request from your profile page.",
        };
    }
  },
};

export const escapeHtml = (s: string) =>
  s.replace(
    /[&<>"']/g,
    (c) => ({ "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;" })[c] ?? c,
  );

export interface RenderedMail {
  subject: string;
  text: string;
  html: string;
}

export function renderMail(kind: TemplateKind, locale: Locale, vars: MailVars): RenderedMail {
  const c = COPY[locale](kind, vars);
  const subject = `${PRODUCT}: ${c.subject}`;
  const text = [c.intro, ...(vars.link ? ["", vars.link] : []), "", c.outro, "", `— ${PRODUCT}`].join("\n");
  const button =
    vars.link && c.action
      ? `<p><a href="${escapeHtml(vars.link)}" style="display:inline-block;padding:10px 16px;background:#0f5f4a;color:#fff;text-decoration:none;border-radius:6px">${escapeHtml(c.action)}</a></p><p style="font-size:13px;color:#555">${escapeHtml(vars.link)}</p>`
      : "";
  const html = `<!doctype html><html lang="${locale}"><body style="font-family:system-ui,sans-serif;line-height:1.5;color:#1a1a1a;max-width:560px;margin:0 auto;padding:16px"><h1 style="font-size:20px;color:#0f5f4a">${PRODUCT}</h1><p>${escapeHtml(c.intro)}</p>${button}<p style="font-size:13px;color:#555">${escapeHtml(c.outro)}</p></body></html>`;
  return { subject, text, html };
}
