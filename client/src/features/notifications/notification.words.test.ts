import { describe, expect, it } from "vitest";
import { translate } from "../../lib/i18n";
import { notificationWording } from "./notification.words";
import { makeNotification } from "./test/fixtures";

const say = (locale: "id" | "en", n: Parameters<typeof notificationWording>[0]) => {
  const w = notificationWording(n, "Seseorang", "sebuah diskusi");
  return translate(locale, w.key, w.params);
};

describe("notificationWording", () => {
  it("words each kind in both languages, a collapsed entry by its count", () => {
    expect(say("id", makeNotification())).toBe(
      "Andi Wicaksono membalas di utas Anda “Retribusi parkir digital”",
    );
    expect(say("en", makeNotification({ detail: "reply.post" }))).toBe(
      "Andi Wicaksono replied to your post in “Retribusi parkir digital”",
    );
    expect(say("id", makeNotification({ count: 5 }))).toBe("5 balasan baru di “Retribusi parkir digital”");
    expect(say("en", makeNotification({ kind: "watched", detail: "post.created", count: 3 }))).toBe(
      "3 new posts in “Retribusi parkir digital”",
    );
    expect(say("id", makeNotification({ kind: "mention", detail: undefined }))).toBe(
      "Andi Wicaksono menyebut Anda di “Retribusi parkir digital”",
    );
    expect(
      say("en", makeNotification({ kind: "question.dismissed", detail: undefined, title: "Rapat RPJMD" })),
    ).toBe("Your question in “Rapat RPJMD” was dismissed");
    expect(say("id", makeNotification({ kind: "moderation", detail: "post.reject" }))).toBe(
      "Tulisan Anda di “Retribusi parkir digital” ditolak moderator",
    );
    expect(say("id", makeNotification({ kind: "adoption", detail: "adoption.piloting" }))).toBe(
      "Andi Wicaksono mulai menguji coba praktik Anda “Retribusi parkir digital”",
    );
    expect(say("en", makeNotification({ kind: "adoption", detail: "practice.comment" }))).toBe(
      "Andi Wicaksono commented on a practice you adopt, “Retribusi parkir digital”",
    );
    expect(say("en", makeNotification({ kind: "verification", detail: "verification.approve" }))).toBe(
      "Your position is now verified",
    );
  });

  it("falls back to the kind's sentence for an unknown detail, and to neutral words without actor or title", () => {
    expect(say("id", makeNotification({ kind: "moderation", detail: "thread.someday" }))).toBe(
      "Keputusan moderator tentang “Retribusi parkir digital”",
    );
    expect(
      say("id", makeNotification({ kind: "mention", detail: undefined, actor: undefined, title: undefined })),
    ).toBe("Seseorang menyebut Anda di “sebuah diskusi”");
  });
});
