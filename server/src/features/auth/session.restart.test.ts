import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import type { AddressInfo } from "node:net";
import { afterEach, describe, expect, it } from "vitest";
import type { UserDto } from "@rembuk/shared";
import { createApp, type RembukApp } from "../../app.js";
import { Agent } from "../../test/http.js";
import { TEST_PASSWORD, uniqueEmail } from "../../test/factories.js";
import { connectSocket } from "../../test/socket.js";
import { testConfig } from "../../test/testServer.js";

let running: RembukApp | null = null;
afterEach(async () => {
  await running?.close();
  running = null;
});

async function start(config: ReturnType<typeof testConfig>, port = 0) {
  running = await createApp(config, { clientDist: null });
  const app = running;
  await new Promise<void>((resolve) => app.httpServer.listen(port, "127.0.0.1", resolve));
  return { app, port: (app.httpServer.address() as AddressInfo).port };
}

describe("sessions across a restart", () => {
  it("keeps a signed-in cookie working after the server and its embedded database restart", async () => {
    // The persistent embedded database in a temp DATA_DIR, and the same secret, as in development.
    const config = testConfig({
      dataDir: mkdtempSync(join(tmpdir(), "rembuk-restart-")),
      devdbInMemory: false,
    });

    const first = await start(config);
    const url = `http://127.0.0.1:${first.port}`;
    const tab = new Agent(url);
    const reg = await tab.post<{ user: UserDto }>("/api/auth/register", {
      email: uniqueEmail(),
      password: TEST_PASSWORD,
      name: "Tetap Masuk",
    });
    expect(reg.status).toBe(201);
    await first.app.close();
    running = null;

    // Same port, so the same agent (same origin) carries on.
    const second = await start(config, first.port);
    expect(second.port).toBe(first.port);
    const me = await tab.get<{ user: UserDto }>("/api/auth/me");
    expect(me.status).toBe(200);
    expect(me.body.user.id).toBe(reg.body.user.id);
    const socket = await connectSocket(url, tab);
    try {
      expect(await socket.timeout(2000).emitWithAck("session:ping", {})).toMatchObject({
        ok: true,
        data: { userId: reg.body.user.id },
      });
    } finally {
      socket.disconnect();
    }
  });
});
