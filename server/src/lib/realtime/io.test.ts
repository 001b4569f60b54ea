import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { signedIn } from "../../test/factories.js";
import { Agent } from "../../test/http.js";
import { connectSocket, nextEvent, refusedSocket } from "../../test/socket.js";
import { startTestServer, type TestServer } from "../../test/testServer.js";
import { publish } from "./publish.js";
import { rooms } from "./rooms.js";

let server: TestServer;
beforeAll(async () => {
  server = await startTestServer();
});
afterAll(() => server.close());

describe("socket handshake", () => {
  it("lets guests connect read-only: session:ping says userId null", async () => {
    const socket = await connectSocket(server.url);
    try {
      const ack = await socket.timeout(2000).emitWithAck("session:ping", {});
      expect(ack).toMatchObject({ ok: true, data: { userId: null } });
      if (ack.ok) expect(new Date(ack.data.at).toString()).not.toBe("Invalid Date");
    } finally {
      socket.disconnect();
    }
  });

  it("identifies a signed-in user from the session cookie", async () => {
    const me = await signedIn(server);
    const socket = await connectSocket(server.url, me.agent);
    try {
      expect(await socket.timeout(2000).emitWithAck("session:ping", {})).toMatchObject({
        ok: true,
        data: { userId: me.id },
      });
    } finally {
      socket.disconnect();
    }
  });

  it("answers an invalid payload with a VALIDATION error ack", async () => {
    const socket = await connectSocket(server.url);
    try {
      // @ts-expect-error: deliberately breaking the typed contract, as a hostile client would.
      const ack = await socket.timeout(2000).emitWithAck("session:ping", { userId: "someone-else" });
      expect(ack).toMatchObject({ ok: false, error: { code: "VALIDATION" } });
    } finally {
      socket.disconnect();
    }
  });

  it("puts each socket in its user, session and (for staff) moderators' rooms, chosen by the server", async () => {
    const moderator = await signedIn(server, "moderator");
    const member = await signedIn(server);
    const modSocket = await connectSocket(server.url, moderator.agent);
    const memberSocket = await connectSocket(server.url, member.agent);
    try {
      const modRooms = await server.io.in(rooms.user(moderator.id)).fetchSockets();
      expect(modRooms).toHaveLength(1);
      expect([...modRooms[0].rooms]).toEqual(expect.arrayContaining([rooms.user(moderator.id), rooms.mod()]));
      expect(modRooms[0].data).toMatchObject({
        userId: moderator.id,
        role: "moderator",
        sessionId: expect.any(String),
      });
      const inMod = (await server.io.in(rooms.mod()).fetchSockets()).map((s) => s.data.userId);
      expect(inMod).toContain(moderator.id);
      expect(inMod).not.toContain(member.id);

      // A broadcast to the member's room reaches only them.
      const got = nextEvent(memberSocket, "session:ended", 2000);
      let modGot = false;
      modSocket.onAny(() => (modGot = true));
      publish(rooms.user(member.id), "session:ended", { reason: "logout" });
      expect(await got).toEqual({ reason: "logout" });
      expect(modGot).toBe(false);
    } finally {
      modSocket.disconnect();
      memberSocket.disconnect();
    }
  });

  it("moves live sockets into and out of the moderators' room when an admin changes the role", async () => {
    const admin = await signedIn(server, "admin");
    const member = await signedIn(server);
    const socket = await connectSocket(server.url, member.agent);
    try {
      await admin.agent.patch(`/api/users/${member.id}`, { role: "moderator" });
      const ids = async () => (await server.io.in(rooms.mod()).fetchSockets()).map((s) => s.data.userId);
      expect(await ids()).toContain(member.id);
      await admin.agent.patch(`/api/users/${member.id}`, { role: "member" });
      expect(await ids()).not.toContain(member.id);
    } finally {
      socket.disconnect();
    }
  });

  it("refuses a connection opened from a foreign origin", async () => {
    const me = await signedIn(server);
    me.agent.origin = "https://evil.example";
    const refusal = await refusedSocket(server.url, me.agent);
    expect(refusal.message).toBeTruthy();
  });

  it("treats a forged or stale cookie as a guest", async () => {
    const forged = new Agent(server.url);
    forged.setCookie("rembuk.sid", "s%3Aforged.signature");
    const socket = await connectSocket(server.url, forged);
    try {
      expect(await socket.timeout(2000).emitWithAck("session:ping", {})).toMatchObject({
        ok: true,
        data: { userId: null },
      });
    } finally {
      socket.disconnect();
    }
  });
});
