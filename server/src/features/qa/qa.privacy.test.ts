import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { QaSnapshotDto, QuestionDto } from "@rembuk/shared";
import { signedIn } from "../../test/factories.js";
import { connectSocket, nextEvent, type ClientSocket } from "../../test/socket.js";
import { startTestServer, type TestServer } from "../../test/testServer.js";
import { clientId, createSession, makeRoom, ok, recordFrames, until } from "./test/fixtures.js";

let server: TestServer;
beforeAll(async () => {
  server = await startTestServer();
});
afterAll(async () => {
  await server?.close();
});

async function join(socket: ClientSocket, sessionId: string) {
  return ok(socket.emitWithAck("qa:join", { sessionId }));
}

describe("who sees what in a moderated session", () => {
  it("a pending question reaches only its author, hosts and moderators; only the room's moderators learn an anonymous author", async () => {
    const roomMod = await signedIn(server, "member", { name: "Moderator Ruang" });
    const room = await makeRoom({ moderators: [roomMod.id] });
    const host = await signedIn(server, "member", { verified: true, name: "Ipuk Fiestiandani" });
    const asker = await signedIn(server, "member", { name: "Rahasia Penanya", title: "Kepala Desa Kemiren" });
    const other = await signedIn(server, "member", { name: "Peserta Lain" });
    const session = await createSession(host.agent, room.slug, { moderated: true, allowAnonymous: true });

    const hostSocket = await connectSocket(server.url, host.agent);
    const modSocket = await connectSocket(server.url, roomMod.agent);
    const askerSocket = await connectSocket(server.url, asker.agent);
    const otherSocket = await connectSocket(server.url, other.agent);
    const guestSocket = await connectSocket(server.url);
    try {
      const hostFrames = recordFrames(hostSocket);
      const modFrames = recordFrames(modSocket);
      const otherFrames = recordFrames(otherSocket);
      const guestFrames = recordFrames(guestSocket);
      const hostJoin = await join(hostSocket, session.id);
      expect(hostJoin.viewer.canModerate).toBe(true);
      expect((await join(modSocket, session.id)).viewer.canModerate).toBe(true);
      await join(askerSocket, session.id);
      const otherJoin = await join(otherSocket, session.id);
      expect(otherJoin.viewer.canModerate).toBe(false);
      await join(guestSocket, session.id);

      const text = "Bagaimana desa adat menjaga data warganya?";
      const hostSees = nextEvent(hostSocket, "qa:question:created");
      const modSees = nextEvent(modSocket, "qa:question:created");
      const asked = await ok(
        askerSocket.emitWithAck("qa:ask", {
          sessionId: session.id,
          text,
          anonymous: true,
          clientId: clientId(),
        }),
      );
      expect(asked).toMatchObject({ status: "pending", anonymous: true, author: null, mine: true });

      // The room's moderator gets it at once, with the author (they are accountable for what is said in
      // the room); the host, who is not a moderator, gets it for the queue but as "Anonim" only.
      const forMod = (await modSees) as { question: QuestionDto };
      expect(forMod.question.author?.name).toBe("Rahasia Penanya");
      const forHost = (await hostSees) as { question: QuestionDto };
      expect(forHost.question).toMatchObject({
        id: asked.id,
        status: "pending",
        anonymous: true,
        author: null,
      });

      // Nobody else: not over the socket, not over REST.
      const otherRest = await other.agent.get<QaSnapshotDto>(`/api/qa/${session.id}`);
      expect(otherRest.body.questions).toHaveLength(0);
      expect(otherFrames.join("\n")).not.toContain(text);
      expect(guestFrames.join("\n")).not.toContain(text);

      // Approved: now everyone sees the text live, and still nobody but moderators learns who asked.
      const otherSees = nextEvent(otherSocket, "qa:question:updated");
      const approved = await host.agent.post<{ question: QuestionDto }>(
        `/api/questions/${asked.id}/moderate`,
        {
          action: "approve",
        },
      );
      expect(approved.status).toBe(200);
      const seen = (await otherSees) as { question: QuestionDto };
      expect(seen.question).toMatchObject({
        id: asked.id,
        status: "approved",
        author: null,
        anonymous: true,
      });
      await until(guestSocket, () => guestFrames.some((f) => f.includes(text)));

      // Someone votes, the host highlights and answers: more payloads, none of them revealing.
      await ok(otherSocket.emitWithAck("qa:vote", { questionId: asked.id, up: true }));
      await ok(hostSocket.emitWithAck("qa:moderate", { questionId: asked.id, action: "highlight" }));
      await ok(
        hostSocket.emitWithAck("qa:moderate", {
          questionId: asked.id,
          action: "answer",
          answer: "Data disimpan di server desa.",
        }),
      );
      await until(otherSocket, () => otherFrames.some((f) => f.includes("Data disimpan di server desa")));

      const otherRestAfter = await other.agent.get<QaSnapshotDto>(`/api/qa/${session.id}`);
      const guestRestAfter = await (await fetch(`${server.url}/api/qa/${session.id}`)).text();
      const hostRest = await host.agent.get<QaSnapshotDto>(`/api/qa/${session.id}`);
      expect(hostRest.body.questions[0]).toMatchObject({ id: asked.id, anonymous: true, author: null });
      const hostCsv = await host.agent.get(`/api/qa/${session.id}/export.csv`);
      expect(hostCsv.status).toBe(200);
      expect(hostCsv.text).toContain(",Anonim,yes,");
      const payloads = [...otherFrames, ...guestFrames, otherRestAfter.text, guestRestAfter];
      payloads.push(...hostFrames, hostRest.text, hostCsv.text);
      for (const payload of payloads) {
        expect(payload).not.toContain(asker.id);
        expect(payload).not.toContain("Rahasia Penanya");
        expect(payload).not.toContain("Kepala Desa Kemiren");
        expect(payload).not.toContain(asker.email);
      }
      // The twin: the room moderator's payloads did carry the author, so the check above can fail.
      expect(modFrames.join("\n")).toContain(asker.id);
      const modRest = await roomMod.agent.get<QaSnapshotDto>(`/api/qa/${session.id}`);
      expect(modRest.body.questions[0].author?.name).toBe("Rahasia Penanya");
      // The file travels further than the screen: anonymous for the room's moderator as well.
      const modCsv = await roomMod.agent.get(`/api/qa/${session.id}/export.csv`);
      expect(modCsv.text).toContain(",Anonim,yes,");
      expect(modCsv.text).not.toContain("Rahasia Penanya");
      expect(otherRestAfter.body.questions[0]).toMatchObject({
        status: "answered",
        answer: "Data disimpan di server desa.",
      });
    } finally {
      for (const s of [hostSocket, modSocket, askerSocket, otherSocket, guestSocket]) s.disconnect();
    }
  });

  it("tells a dismissed author why, live and in their own list, and nobody else hears of it", async () => {
    const room = await makeRoom();
    const host = await signedIn(server, "member", { verified: true });
    const asker = await signedIn(server, "member");
    const other = await signedIn(server, "member");
    const session = await createSession(host.agent, room.slug, { moderated: true, allowAnonymous: false });
    const askerSocket = await connectSocket(server.url, asker.agent);
    const otherSocket = await connectSocket(server.url, other.agent);
    try {
      const otherFrames = recordFrames(otherSocket);
      await join(askerSocket, session.id);
      await join(otherSocket, session.id);
      const text = "Kapan jalan desa kami diaspal?";
      const res = await asker.agent.post<{ question: QuestionDto }>(`/api/qa/${session.id}/questions`, {
        text,
        clientId: clientId(),
      });
      expect(res.status).toBe(201);

      const told = nextEvent(askerSocket, "qa:question:updated");
      const reason = "Di luar topik sesi; silakan ajukan ke Dinas PU.";
      const dismissed = await host.agent.post(`/api/questions/${res.body.question.id}/moderate`, {
        action: "dismiss",
        reason,
      });
      expect(dismissed.status).toBe(200);
      expect(((await told) as { question: QuestionDto }).question).toMatchObject({
        status: "dismissed",
        dismissReason: reason,
        mine: true,
      });

      const own = await asker.agent.get<QaSnapshotDto>(`/api/qa/${session.id}`);
      expect(own.body.questions).toEqual([
        expect.objectContaining({ id: res.body.question.id, status: "dismissed", dismissReason: reason }),
      ]);
      const theirs = await other.agent.get<QaSnapshotDto>(`/api/qa/${session.id}`);
      expect(theirs.body.questions).toHaveLength(0);
      expect(otherFrames.join("\n")).not.toContain(text);
      expect(otherFrames.join("\n")).not.toContain(reason);

      // A participant cannot dismiss, and a dismissal needs a reason.
      const again = await asker.agent.post<{ question: QuestionDto }>(`/api/qa/${session.id}/questions`, {
        text: "Pertanyaan kedua saya",
        clientId: clientId(),
      });
      expect(
        (
          await other.agent.post(`/api/questions/${again.body.question.id}/moderate`, {
            action: "dismiss",
            reason,
          })
        ).status,
      ).toBe(403);
      expect(
        (await host.agent.post(`/api/questions/${again.body.question.id}/moderate`, { action: "dismiss" }))
          .status,
      ).toBe(400);
    } finally {
      askerSocket.disconnect();
      otherSocket.disconnect();
    }
  });

  it("a late joiner gets everything so far in the join snapshot, then live changes", async () => {
    const room = await makeRoom();
    const host = await signedIn(server, "member", { verified: true });
    const session = await createSession(host.agent, room.slug, { moderated: false, allowAnonymous: false });
    for (const text of ["Pertanyaan pertama yang cukup panjang", "Pertanyaan kedua yang cukup panjang"]) {
      await host.agent.post(`/api/qa/${session.id}/questions`, { text, clientId: clientId() });
    }
    const late = await signedIn(server, "member");
    const socket = await connectSocket(server.url, late.agent);
    try {
      const snap = await join(socket, session.id);
      expect(snap.questions.map((q) => q.text)).toEqual([
        "Pertanyaan pertama yang cukup panjang",
        "Pertanyaan kedua yang cukup panjang",
      ]);
      expect(snap.session).toMatchObject({ id: session.id, status: "scheduled", joinCode: session.joinCode });
      const live = nextEvent(socket, "qa:session:updated");
      await host.agent.post(`/api/qa/${session.id}/status`, { status: "live" });
      expect(((await live) as { session: { status: string } }).session.status).toBe("live");
    } finally {
      socket.disconnect();
    }
  });

  it("a restricted room's session does not exist for outsiders, over REST and sockets", async () => {
    const insider = await signedIn(server, "member", {
      verified: true,
      affiliation: { kind: "region", code: "35.10" },
    });
    const outsider = await signedIn(server, "member", { affiliation: { kind: "region", code: "33.73" } });
    const room = await makeRoom({ visibility: "restricted", allowedRegion: "35" });
    const session = await createSession(insider.agent, room.slug, {
      moderated: false,
      allowAnonymous: false,
    });
    expect((await insider.agent.get(`/api/qa/${session.id}`)).status).toBe(200);
    expect((await outsider.agent.get(`/api/qa/${session.id}`)).status).toBe(404);
    expect((await outsider.agent.get(`/api/qa/code/${session.joinCode}`)).status).toBe(404);
    expect((await outsider.agent.get(`/api/rooms/${room.slug}/qa`)).status).toBe(404);
    const socket = await connectSocket(server.url, outsider.agent);
    try {
      const res = await socket.emitWithAck("qa:join", { sessionId: session.id });
      expect(res).toMatchObject({ ok: false, error: { code: "NOT_FOUND" } });
    } finally {
      socket.disconnect();
    }
  });
});
