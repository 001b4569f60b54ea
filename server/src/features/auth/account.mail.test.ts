import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from "vitest";
import type { OutboxMessageDto, SessionDto, UserDto, VerificationRequestDto } from "@rembuk/shared";
import { makeUser, signIn, signedIn, uniqueEmail, TEST_PASSWORD } from "../../test/factories.js";
import { Agent } from "../../test/http.js";
import { startSmtp, tokenIn, type TestSmtp } from "../../test/smtp.js";
import { connectSocket, nextEvent } from "../../test/socket.js";
import { startTestServer, type TestServer } from "../../test/testServer.js";
import { MailMessage } from "../mail/mail.model.js";
import { kickMailSender, startMailSender, stopMailSender, MAIL_RETRY } from "../mail/mail.sender.js";
import { enqueueMail } from "../mail/mail.service.js";
import { AuthToken } from "../users/authToken.model.js";
import { hashToken } from "../users/authToken.service.js";

/**
 * Acceptance 3 of issue 11 through a real SMTP server started here: confirmation, forgot/reset,
 * change password, change email, sessions, and the outbox as the queue (retries, failure, restart).
 */
type Err = { error: { code: string; message: string } };

let server: TestServer;
let smtp: TestSmtp;
const PUBLIC_URL = "http://rembuk.uji";

beforeAll(async () => {
  smtp = await startSmtp({ reject: (to) => to.startsWith("tolak") });
  server = await startTestServer({
    config: { smtpUrl: smtp.url, publicUrl: PUBLIC_URL, mailFrom: "Rembuk <rembuk@uji.rembuk.id>" },
    app: {
      rateLimitOverrides: { register: 10_000, write: 10_000, mailAddress: 10_000, mailRecipient: 10_000 },
    },
  });
});
afterAll(async () => {
  await server?.close();
  await smtp?.close();
});
afterEach(() => {
  vi.useRealTimers();
});

const agent = () => new Agent(server.url);
const mailTo = (email: string, subject: RegExp) =>
  smtp.waitFor((m) => m.to.includes(email) && subject.test(m.subject));

describe("email confirmation at registration", () => {
  it("mails a single-use link in the member's language; until followed the account is unconfirmed", async () => {
    const a = agent();
    const email = uniqueEmail("baru");
    const reg = await a.post<{ user: UserDto }>("/api/auth/register", {
      email,
      password: TEST_PASSWORD,
      name: "Ani Baru",
    });
    expect(reg.status).toBe(201);
    expect(reg.body.user).toMatchObject({
      emailConfirmed: false,
      verified: false,
      verification: { status: "none" },
    });

    const mail = await mailTo(email, /Konfirmasi alamat email/);
    expect(mail.subject).toBe("Rembuk: Konfirmasi alamat email Anda");
    expect(mail.html).toContain("<h1");
    expect(mail.html).not.toMatch(/<img/i);
    const token = tokenIn(mail, "/confirm-email");
    expect(mail.text).toContain(`${PUBLIC_URL}/confirm-email?token=${token}`);

    const ok = await a.post<{ user: UserDto; confirmed: string }>("/api/auth/confirm-email", { token });
    expect(ok.status).toBe(200);
    expect(ok.body).toMatchObject({ confirmed: "email", user: { emailConfirmed: true, email } });
    const again = await a.post<Err>("/api/auth/confirm-email", { token });
    expect(again.status).toBe(400);
    expect(again.body.error.code).toBe("INVALID_TOKEN");
    expect((await a.post<Err>("/api/auth/confirm-email", { token: "x".repeat(43) })).body.error.code).toBe(
      "INVALID_TOKEN",
    );
  });
});

describe("forgot and reset password", () => {
  it("answers identically for known and unknown emails and mails only the known one", async () => {
    const known = await makeUser({ locale: "en" });
    const unknownEmail = uniqueEmail("tidak-ada");
    const r1 = await agent().post("/api/auth/forgot", { email: unknownEmail });
    const r2 = await agent().post("/api/auth/forgot", { email: known.email });
    expect(r1.status).toBe(202);
    expect(r2.status).toBe(202);
    expect(r1.text).toBe(r2.text);
    expect(r1.body).toEqual({ ok: true });
    const mail = await mailTo(known.email, /Reset your password/);
    expect(mail.subject).toBe("Rembuk: Reset your password");
    expect(smtp.mails.some((m) => m.to.includes(unknownEmail))).toBe(false);
    expect((await agent().post("/api/auth/forgot", { email: "bukan-email" })).status).toBe(400);
  });

  it("a reset link works once, signs in, ends every other session, and is at least 128 bits stored only hashed", async () => {
    const user = await makeUser();
    const laptop = await signIn(server, user);
    const phone = await signIn(server, user);
    const phoneSocket = await connectSocket(server.url, phone);
    const ended = nextEvent(phoneSocket, "session:ended");

    await agent().post("/api/auth/forgot", { email: user.email });
    const token = tokenIn(await mailTo(user.email, /Atur ulang kata sandi/), "/reset-password");
    expect(Buffer.from(token, "base64url").length * 8).toBeGreaterThanOrEqual(128);

    // Stored hashed: no token row, and no delivered outbox copy, holds it in clear.
    const rows = await AuthToken.find({ userId: user.user._id }).lean();
    expect(JSON.stringify(rows)).not.toContain(token);
    expect(rows.some((r) => r.tokenHash === hashToken(token))).toBe(true);
    await expect
      .poll(
        async () => (await MailMessage.findOne({ to: user.email, kind: "reset-password" }).lean())?.status,
      )
      .toBe("sent");
    expect(JSON.stringify(await MailMessage.find({ to: user.email }).lean())).not.toContain(token);

    const browser = agent();
    const reset = await browser.post<{ user: UserDto }>("/api/auth/reset", {
      token,
      password: "kata-sandi-baru-2026",
    });
    expect(reset.status).toBe(200);
    expect(reset.body.user.id).toBe(user.id);
    expect((await browser.get("/api/auth/me")).status).toBe(200);
    expect((await laptop.get("/api/auth/me")).status).toBe(401);
    expect((await phone.get("/api/auth/me")).status).toBe(401);
    expect(await ended).toEqual({ reason: "logout" });
    phoneSocket.disconnect();

    const reuse = await agent().post<Err>("/api/auth/reset", { token, password: "kata-sandi-lain-2026" });
    expect(reuse.status).toBe(400);
    expect(reuse.body.error.code).toBe("INVALID_TOKEN");
    expect(
      (await agent().post("/api/auth/login", { email: user.email, password: user.password })).status,
    ).toBe(401);
    expect(
      (await agent().post("/api/auth/login", { email: user.email, password: "kata-sandi-baru-2026" })).status,
    ).toBe(200);
  });

  it("a reset link expires after an hour (fake clock)", async () => {
    const user = await makeUser();
    const start = new Date();
    vi.useFakeTimers({ toFake: ["Date"], now: start });

    await agent().post("/api/auth/forgot", { email: user.email });
    const early = tokenIn(await mailTo(user.email, /Atur ulang/), "/reset-password");
    vi.setSystemTime(start.getTime() + 59 * 60_000);
    expect(
      (await agent().post("/api/auth/reset", { token: early, password: "kata-sandi-59-menit" })).status,
    ).toBe(200);

    const before = smtp.mails.length;
    await agent().post("/api/auth/forgot", { email: user.email });
    const late = tokenIn(
      await smtp.waitFor((m, i = smtp.mails.indexOf(m)) => i >= before && m.to.includes(user.email)),
      "/reset-password",
    );
    vi.setSystemTime(start.getTime() + 59 * 60_000 + 61 * 60_000);
    const expired = await agent().post<Err>("/api/auth/reset", {
      token: late,
      password: "kata-sandi-terlambat",
    });
    expect(expired.status).toBe(400);
    expect(expired.body.error.code).toBe("INVALID_TOKEN");
  });
});

describe("change password and sessions", () => {
  it("needs the current password, keeps this session, ends the others and tells the owner by mail", async () => {
    const user = await makeUser();
    const here = await signIn(server, user);
    const there = await signIn(server, user);
    const wrong = await here.post<Err>("/api/auth/password", {
      current: "bukan-sandinya",
      password: "kata-sandi-baru-99",
    });
    expect(wrong.status).toBe(401);
    expect(wrong.body.error.code).toBe("INVALID_CREDENTIALS");
    expect((await there.get("/api/auth/me")).status).toBe(200);

    const ok = await here.post<{ user: UserDto }>("/api/auth/password", {
      current: user.password,
      password: "kata-sandi-baru-99",
    });
    expect(ok.status).toBe(200);
    expect((await here.get("/api/auth/me")).status).toBe(200);
    expect((await there.get("/api/auth/me")).status).toBe(401);
    await mailTo(user.email, /Kata sandi Anda telah diubah/);
    expect(
      (await agent().post("/api/auth/login", { email: user.email, password: "kata-sandi-baru-99" })).status,
    ).toBe(200);
  });

  it("lists my sessions and signs out the other devices", async () => {
    const { agent: me, ...user } = await signedIn(server);
    const other = await signIn(server, user);
    await signIn(server, user);
    const list = await me.get<{ sessions: SessionDto[] }>("/api/auth/sessions");
    expect(list.status).toBe(200);
    expect(list.body.sessions).toHaveLength(3);
    expect(list.body.sessions.filter((s) => s.current)).toHaveLength(1);
    expect(list.body.sessions[0]).toMatchObject({ current: true, userAgent: expect.any(String) });

    expect((await me.delete("/api/auth/sessions/others")).status).toBe(204);
    expect((await other.get("/api/auth/me")).status).toBe(401);
    const after = await me.get<{ sessions: SessionDto[] }>("/api/auth/sessions");
    expect(after.body.sessions.map((s) => s.current)).toEqual([true]);
    expect((await agent().get("/api/auth/sessions")).status).toBe(401);
  });
});

describe("change email", () => {
  it("confirms the new address by its link before it becomes the account's", async () => {
    const { agent: me, ...user } = await signedIn(server);
    const next = uniqueEmail("alamat-baru");
    expect((await me.post("/api/auth/email", { email: next, password: "salah-sekali-1" })).status).toBe(401);
    const res = await me.post("/api/auth/email", { email: next, password: user.password });
    expect(res.status).toBe(202);
    expect((await me.get<{ user: UserDto }>("/api/auth/me")).body.user).toMatchObject({
      email: user.email,
      pendingEmail: next,
    });
    const token = tokenIn(await mailTo(next, /alamat email baru/), "/confirm-email");
    const ok = await me.post<{ user: UserDto; confirmed: string }>("/api/auth/confirm-email", { token });
    expect(ok.body).toMatchObject({
      confirmed: "newEmail",
      user: { email: next, pendingEmail: null, emailConfirmed: true },
    });
    expect((await agent().post("/api/auth/login", { email: next, password: user.password })).status).toBe(
      200,
    );
    const taken = await me.post<Err>("/api/auth/email", {
      email: (await makeUser()).email,
      password: user.password,
    });
    expect(taken.status).toBe(409);
  });
});

describe("official email as verification evidence", () => {
  it("the *.go.id address gets a link; following it marks the evidence confirmed for the moderators, live", async () => {
    const moderator = await signedIn(server, "moderator");
    const modSocket = await connectSocket(server.url, moderator.agent);
    const { agent: me, ...member } = await signedIn(server, "member", { name: "Rina Pemohon" });
    const official = `rina.${member.id.slice(-6)}@banyuwangikab.go.id`;
    const asked = await me.post<{ request: VerificationRequestDto }>(`/api/users/${member.id}/verification`, {
      title: "Sekretaris Daerah Kabupaten Banyuwangi",
      affiliation: { kind: "region", code: "35.10" },
      officialEmail: official,
    });
    expect(asked.status).toBe(201);
    expect(asked.body.request.officialEmail).toEqual({
      masked: "r•••@banyuwangikab.go.id",
      domain: "banyuwangikab.go.id",
      confirmed: false,
    });
    const mail = await mailTo(official, /Konfirmasi email dinas/);
    const token = tokenIn(mail, "/confirm-email");

    // Opened signed out (e.g. on an office computer): the public profile comes back, nothing more.
    const updated = nextEvent(modSocket, "verification:updated");
    const confirmed = await agent().post<{ user: UserDto; confirmed: string }>("/api/auth/confirm-email", {
      token,
    });
    expect(confirmed.body.confirmed).toBe("officialEmail");
    expect(confirmed.body.user).not.toHaveProperty("email");
    expect(((await updated) as { request: VerificationRequestDto }).request.officialEmail?.confirmed).toBe(
      true,
    );
    modSocket.disconnect();
    const queue = await moderator.agent.get<{ requests: VerificationRequestDto[] }>(
      "/api/moderation/verifications",
    );
    expect(queue.body.requests.find((r) => r.id === asked.body.request.id)?.officialEmail?.confirmed).toBe(
      true,
    );
    expect(JSON.stringify(queue.body)).not.toContain(official);
  });
});

describe("the outbox is the queue", () => {
  it("admins read it; members cannot", async () => {
    const admin = await signedIn(server, "admin");
    const list = await admin.agent.get<{ messages: OutboxMessageDto[]; delivery: string }>(
      "/api/admin/outbox?status=sent",
    );
    expect(list.status).toBe(200);
    expect(list.body.delivery).toBe("smtp");
    expect(list.body.messages.length).toBeGreaterThan(0);
    expect(list.body.messages.every((m) => m.status === "sent")).toBe(true);
    expect((await (await signedIn(server)).agent.get("/api/admin/outbox")).status).toBe(403);
  });

  it("retries a refused message with backoff, then marks it failed for admins to see and retry", async () => {
    const start = new Date();
    vi.useFakeTimers({ toFake: ["Date"], now: start });
    await enqueueMail(
      "password-changed",
      { email: "tolak@uji.rembuk.id", locale: "id", name: "Penerima Ditolak" },
      {},
    );
    const row = () => MailMessage.findOne({ to: "tolak@uji.rembuk.id" }).lean();
    // An attempt is over once its claim is released (attempts counts claims).
    const settled = async () => {
      const r = await row();
      return r && r.lockedUntil === null ? r.attempts : 0;
    };
    await expect.poll(settled).toBe(1);
    let current = await row();
    expect(current).toMatchObject({
      status: "pending",
      lastError: expect.stringContaining("Mailbox unavailable"),
    });
    // The first retry waits the base delay (30 s), measured from the failed attempt.
    const wait = (current?.nextAttemptAt?.getTime() ?? 0) - start.getTime();
    expect(wait).toBeGreaterThanOrEqual(MAIL_RETRY.baseSeconds * 1000);
    expect(wait).toBeLessThan((MAIL_RETRY.baseSeconds + 5) * 1000);
    for (let attempt = 2; attempt <= MAIL_RETRY.maxAttempts; attempt++) {
      vi.setSystemTime((current?.nextAttemptAt ?? new Date()).getTime() + 1000);
      kickMailSender();
      await expect.poll(settled).toBe(attempt);
      current = await row();
    }
    expect(current).toMatchObject({ status: "failed", nextAttemptAt: null });

    const admin = await signedIn(server, "admin");
    const failed = await admin.agent.get<{ messages: OutboxMessageDto[] }>("/api/admin/outbox?status=failed");
    expect(failed.body.messages.map((m) => m.to)).toContain("tolak@uji.rembuk.id");
    const retried = await admin.agent.post<{ message: OutboxMessageDto }>(
      `/api/admin/outbox/${current?._id.toString()}/retry`,
    );
    expect(retried.status).toBe(200);
    expect(retried.body.message.status).toBe("pending");
  });

  it("survives a restart: what was queued while no sender ran is sent when one starts", async () => {
    await stopMailSender();
    const to = uniqueEmail("setelah-restart");
    await enqueueMail("password-changed", { email: to, locale: "en", name: "Later" }, {});
    expect((await MailMessage.findOne({ to }).lean())?.status).toBe("pending");
    startMailSender(smtp.url, "Rembuk <rembuk@uji.rembuk.id>");
    const mail = await mailTo(to, /Your password was changed/);
    expect(mail.text).toContain("Rembuk");
  });
});
