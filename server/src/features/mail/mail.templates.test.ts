import { describe, expect, it } from "vitest";
import { MailKind, Locale } from "@rembuk/shared";
import { renderMail, type TemplateKind } from "./mail.templates.js";

describe("mail templates", () => {
  // Notification mail and digests are rendered by the notifications feature (its own tests).
  const kinds = MailKind.options.filter((k): k is TemplateKind => k !== "notification" && k !== "digest");
  const locales = Locale.options;
  it.each(kinds.flatMap((k) => locales.map((l) => [k, l] as const)))(
    "%s in %s: text and HTML, the product name, the link, no tracking",
    (kind, locale) => {
      const link = "https://rembuk.example.go.id/reset-password?token=abc_DEF-123";
      const m = renderMail(kind, locale, {
        name: "Ani <Wijaya>",
        link,
        decision: "rejected",
        reason: "Tidak ada SK",
      });
      expect(m.subject).toMatch(/^Rembuk: /);
      expect(m.text).toContain("Rembuk");
      expect(m.html).toContain(`lang="${locale}"`);
      // Names are escaped in HTML; no images, pixels or scripts.
      expect(m.html).toContain("Ani &lt;Wijaya&gt;");
      expect(m.html).not.toMatch(/<img|<script|src=/i);
      if (["confirm-email", "change-email", "official-email", "reset-password"].includes(kind)) {
        expect(m.text).toContain(link);
        // The link is the only one, exactly as issued (no redirect through a tracker).
        expect(m.html.match(/href="([^"]+)"/g)).toEqual([`href="${link}"`]);
      }
    },
  );

  it("speaks the recipient's language", () => {
    expect(renderMail("reset-password", "id", { name: "Ani" }).subject).toBe(
      "Rembuk: Atur ulang kata sandi Anda",
    );
    expect(renderMail("reset-password", "en", { name: "Ani" }).subject).toBe("Rembuk: Reset your password");
    expect(
      renderMail("verification-decided", "id", { name: "Ani", decision: "rejected", reason: "Tidak ada SK" })
        .text,
    ).toContain("Alasan: Tidak ada SK");
  });
});
