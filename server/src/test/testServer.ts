import { randomBytes } from "node:crypto";
import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import type { AddressInfo } from "node:net";
import type { Express } from "express";
import { createApp, type AppOptions, type RembukApp } from "../app.js";
import { loadConfig, type Config } from "../config.js";
import type { IoServer } from "../lib/realtime/publish.js";

export interface TestServer {
  url: string;
  app: Express;
  io: IoServer;
  rembuk: RembukApp;
  config: Config;
  close(): Promise<void>;
}

/**
 * Configuration for a test server: embedded devdb in memory (one per test file, since each file
 * runs in its own worker), or, with MONGODB_URI set, a real MongoDB with a unique database name
 * so parallel files never share data.
 */
export function testConfig(overrides: Partial<Config> = {}): Config {
  const base = loadConfig({ NODE_ENV: "test", DEMO_CONTENT: "false" });
  const external = process.env.MONGODB_URI;
  return {
    ...base,
    dataDir: mkdtempSync(join(tmpdir(), "rembuk-test-")),
    mongodbUri: external ? withDatabase(external, `rembuk_test_${randomBytes(6).toString("hex")}`) : null,
    ...overrides,
  };
}

function withDatabase(uri: string, db: string): string {
  const url = new URL(uri);
  url.pathname = `/${db}`;
  return url.toString();
}

/**
 * A real server on a free port. Call once per file (`beforeAll`) and `close()` in `afterAll`.
 * Login/registration budgets per address are raised because every test request comes from
 * 127.0.0.1; tests of those limits pass `rateLimitOverrides: {}` to get the real numbers.
 */
export async function startTestServer(
  opts: { config?: Partial<Config>; app?: AppOptions } = {},
): Promise<TestServer> {
  const config = testConfig(opts.config);
  const rembuk = await createApp(config, {
    clientDist: null,
    rateLimitOverrides: { register: 10_000, write: 10_000 },
    ...opts.app,
  });
  await new Promise<void>((resolve) => rembuk.httpServer.listen(0, "127.0.0.1", resolve));
  const { port } = rembuk.httpServer.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    app: rembuk.app,
    io: rembuk.io,
    rembuk,
    config,
    close: async () => {
      if (config.mongodbUri) await rembuk.db.connection.dropDatabase().catch(() => undefined);
      await rembuk.close();
    },
  };
}
