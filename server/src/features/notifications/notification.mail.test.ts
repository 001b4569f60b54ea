import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { makeAdmin, signedIn, type MadeUser } from "../../test/factories.js";
import type { Agent } from "../../test/http.js";
import { startSmtp, type ReceivedMail, type TestSmtp } from "../../test/smtp.js";
import { startTestServer, type TestServer } from "../../test/testServer.js";
import { clientId, makeRoom, makeThread } from "../rooms/forum.fixtures.js";
import { createPost } from "../posts/index.js";
import { NotifyJob } from "./notifyJob.model.js";
import { sendDigests } from "./mail.producer.js";

const PUBLIC_URL = "http://rembuk.uji";
let server: TestServer;
let smtp: TestSmtp;
let admin: MadeUser;
type Person = MadeUser & { agent: Agent };
let alice: Person;

beforeAll(async () => {
  smtp = await startSmtp();
  server = await startTestServer({
    config: { smtpUrl: smtp.url, publicUrl: PUBLIC_URL, mailFrom: "Rembuk <rembuk@uji.rembuk.id>" },
  });
  admin = await makeAdmin();
  alice = await signedIn(server, "member", { name: "Alice Penulis" });
});
afterAll(async () => {
  await server?.close();
  await smtp?.close();
});

const settle = () => server.rembuk.notifyWorker!.drain();
/** The "still unseen?" checks fall due (as if the few minutes had passed), then run. */
async function minutesLater() {
  await NotifyJob.updateMany({ event: "mail.unseen", status: "pending" }, { $set: { runAt: new Date(0) } });
  await settle();
}
/** A subject as the mail client shows it (nodemailer Q-encodes long or quoted ones). */
const subjectOf = (mail: ReceivedMail) =>
  mail.subject.replace(/=\?UTF-8\?Q\?(.*?)\?=\s*/gi, (_m, q: string) =>
    Buffer.from(
      q
        .replace(/_/g, " ")
        .replace(/=([0-9A-F]{2})/gi, (_h, hex: string) => String.fromCharCode(parseInt(hex, 16))),
      "latin1",
    ).toString("utf8"),
  );
const header = (mail: ReceivedMail, name: string) =>
  new RegExp(`^${name}: *(.+)$`, "mi").exec(mail.raw.replace(/\r?\n[ \t]+/g, " "))?.[1]?.trim();

describe("notification email", () => {
  it("an unseen mention is mailed with one-click unsubscribe; the POST works without a session", async () => {
    const budi = await signedIn(server, "member", { name: "Budi Pembaca", locale: "en" });
    const room = await makeRoom(admin.actor);
    const thread = await makeThread(alice.actor, room.slug, { title: "Layanan rujukan daring" });
    await createPost(alice.actor, thread.id, {
      body: `Mohon masukan @[Budi](${budi.id})`,
      clientId: clientId(),
    });
    await settle();
    const before = smtp.mails.length;
    await minutesLater();
    const mail = await smtp.waitFor((m) => m.to.includes(budi.email));
    expect(smtp.mails.length).toBe(before + 1);
    expect(subjectOf(mail)).toMatch(/^Rembuk: Alice Penulis mentioned you in/);
    expect(mail.text).toContain('- Alice Penulis mentioned you in "Layanan rujukan daring"');
    expect(mail.text).toContain(`${PUBLIC_URL}/threads/${thread.id}#post-2`);
    expect(mail.text).toContain(`${PUBLIC_URL}/account/notifications`);
    expect(header(mail, "List-Unsubscribe-Post")).toBe("List-Unsubscribe=One-Click");
    const link = /^<(.+)>$/.exec(header(mail, "List-Unsubscribe") ?? "")?.[1] ?? "";
    expect(link.startsWith(`${PUBLIC_URL}/api/notifications/unsubscribe/`)).toBe(true);

    // The mail client's one click: a form POST, no cookie.
    const res = await fetch(link.replace(PUBLIC_URL, server.url), {
      method: "POST",
      headers: { "content-type": "application/x-www-form-urlencoded" },
      body: "List-Unsubscribe=One-Click",
    });
    expect(res.status).toBe(200);
    expect((await budi.agent.get("/api/notifications/settings")).body).toEqual({
      settings: { email: { mentions: false, digest: "weekly" } },
    });
    const forged = await fetch(
      `${server.url}/api/notifications/unsubscribe/${budi.id}.digest.AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA`,
      {
        method: "POST",
      },
    );
    expect(forged.status).toBe(400);
  });

  it("a mention seen in the app within the delay is not mailed", async () => {
    const citra = await signedIn(server, "member", { name: "Citra" });
    const room = await makeRoom(admin.actor);
    const thread = await makeThread(alice.actor, room.slug);
    await createPost(alice.actor, thread.id, { body: `Halo @[Citra](${citra.id})`, clientId: clientId() });
    await settle();
    await citra.agent.post("/api/notifications/read", { all: true });
    await minutesLater();
    expect(smtp.mails.some((m) => m.to.includes(citra.email))).toBe(false);
  });

  it("the digest lists unread entries in the recipient's language, and comes once per period", async () => {
    const dewi = await signedIn(server, "member", { name: "Dewi" });
    const room = await makeRoom(admin.actor);
    await dewi.agent.put(`/api/rooms/${room.slug}/watch`, { level: "watching" });
    const thread = await makeThread(alice.actor, room.slug, { title: "Inovasi perizinan" });
    await settle();
    const now = new Date();
    expect(await sendDigests(now)).toBeGreaterThanOrEqual(1);
    await settle();
    const mail = await smtp.waitFor((m) => m.to.includes(dewi.email));
    expect(subjectOf(mail)).toMatch(/^Rembuk: Ringkasan: 1 kabar baru/);
    expect(mail.text).toContain('Pesan baru di "Inovasi perizinan"');
    expect(mail.text).toContain(`/threads/${thread.id}#post-1`);
    expect(header(mail, "List-Unsubscribe-Post")).toBe("List-Unsubscribe=One-Click");
    const count = smtp.mails.filter((m) => m.to.includes(dewi.email)).length;
    await sendDigests(new Date(now.getTime() + 60 * 60 * 1000));
    await new Promise((r) => setTimeout(r, 200));
    expect(smtp.mails.filter((m) => m.to.includes(dewi.email)).length).toBe(count);
  });
});
