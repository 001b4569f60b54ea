import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { MongoClient, MongoServerError } from "mongodb";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startDevDb, type DevDb } from "../index.js";

const addr = (db: DevDb): string => `127.0.0.1:${db.port}`;

async function serverError(p: Promise<unknown>): Promise<MongoServerError> {
  const err: unknown = await p.then(
    () => null,
    (e: unknown) => e,
  );
  if (!(err instanceof MongoServerError)) throw new Error(`expected a server error, got ${String(err)}`);
  return err;
}

describe("authentication (SCRAM as mongod does it)", () => {
  let db: DevDb;
  beforeAll(async () => {
    db = await startDevDb({ inMemory: true, credentials: { username: "ops", password: "s3cret,=" } });
  });
  afterAll(() => db.stop());

  it("lets the driver in with the URI's credentials (default mechanism SCRAM-SHA-256)", async () => {
    const client = await MongoClient.connect(db.uri);
    try {
      await client.db("t").collection("c").insertOne({ a: 1 });
      expect(await client.db("t").collection("c").countDocuments()).toBe(1);
      const status = await client.db("admin").command({ connectionStatus: 1 });
      expect(status.authInfo.authenticatedUsers).toEqual([{ user: "ops", db: "admin" }]);
    } finally {
      await client.close();
    }
  });

  it("advertises both SCRAM mechanisms for a known user in hello, like mongod's default users", async () => {
    const client = await MongoClient.connect(`mongodb://${addr(db)}/`);
    try {
      const hello = await client.db("admin").command({ hello: 1, saslSupportedMechs: "admin.ops" });
      expect(hello.saslSupportedMechs).toEqual(["SCRAM-SHA-1", "SCRAM-SHA-256"]);
      const unknown = await client.db("admin").command({ hello: 1, saslSupportedMechs: "admin.nobody" });
      expect(unknown.saslSupportedMechs).toBeUndefined();
    } finally {
      await client.close();
    }
  });

  for (const mechanism of ["SCRAM-SHA-1", "SCRAM-SHA-256"]) {
    it(`accepts ${mechanism} when asked for explicitly`, async () => {
      const client = await MongoClient.connect(db.uri, {
        authMechanism: mechanism as "SCRAM-SHA-1" | "SCRAM-SHA-256",
      });
      try {
        expect((await client.db("t").command({ listCollections: 1 })).ok).toBe(1);
      } finally {
        await client.close();
      }
    });
  }

  it("fails wrong passwords and unknown users with code 18 AuthenticationFailed", async () => {
    for (const userinfo of ["ops:wrong", "nobody:s3cret%2C%3D"]) {
      const err = await serverError(
        MongoClient.connect(`mongodb://${userinfo}@${addr(db)}/`, { serverSelectionTimeoutMS: 2000 }),
      );
      expect(err.code).toBe(18);
      expect(err.codeName).toBe("AuthenticationFailed");
      expect(err.message).toBe("Authentication failed.");
    }
  });

  it("fails a user of another authentication database (the user lives in admin)", async () => {
    const err = await serverError(
      MongoClient.connect(`mongodb://ops:s3cret%2C%3D@${addr(db)}/t?authSource=t`, {
        serverSelectionTimeoutMS: 2000,
      }),
    );
    expect(err.code).toBe(18);
  });

  it("refuses every command but the handshake with code 13 Unauthorized when unauthenticated", async () => {
    const client = await MongoClient.connect(`mongodb://${addr(db)}/`);
    try {
      const admin = client.db("admin");
      // mongod's requiresAuth() is false for exactly these.
      for (const cmd of [
        { hello: 1 },
        { isMaster: 1 },
        { ping: 1 },
        { buildInfo: 1 },
        { connectionStatus: 1 },
      ]) {
        expect((await admin.command(cmd)).ok).toBe(1);
      }
      const refused = [
        () => client.db("t").collection("c").findOne({}),
        () => client.db("t").collection("c").insertOne({ x: 1 }),
        () =>
          client
            .db("t")
            .collection("c")
            .updateOne({}, { $set: { x: 2 } }),
        () => client.db("t").collection("c").deleteMany({}),
        () => client.db("t").collection("c").aggregate([]).toArray(),
        () => client.db("t").collection("c").createIndex({ x: 1 }),
        () => admin.command({ listDatabases: 1 }),
        () => admin.command({ serverStatus: 1 }),
        () => client.db("t").dropDatabase(),
      ];
      for (const run of refused) {
        const err = await serverError(run());
        expect(err.code).toBe(13);
        expect(err.codeName).toBe("Unauthorized");
        expect(err.message).toMatch(/^Command \w+ requires authentication$/);
      }
      // Unknown commands are looked up first, as on mongod.
      expect((await serverError(admin.command({ noSuchThing: 1 }))).code).toBe(59);
      // Nothing was written by the refused attempts.
      const authed = await MongoClient.connect(db.uri);
      try {
        expect(
          await authed
            .db("t")
            .collection("c")
            .countDocuments({ x: { $exists: true } }),
        ).toBe(0);
      } finally {
        await authed.close();
      }
    } finally {
      await client.close();
    }
  });

  it("refuses a saslContinue without a conversation (code 17 ProtocolError)", async () => {
    const client = await MongoClient.connect(`mongodb://${addr(db)}/`);
    try {
      const err = await serverError(
        client.db("admin").command({ saslContinue: 1, conversationId: 1, payload: Buffer.from("c=biws") }),
      );
      expect(err.code).toBe(17);
    } finally {
      await client.close();
    }
  });
});

describe("SASLprep of SCRAM-SHA-256 passwords (RFC 4013, as mongod stores them)", () => {
  it("treats a soft hyphen as nothing: the password I\\u00ADX is IX", async () => {
    const db = await startDevDb({ inMemory: true, credentials: { username: "u", password: "I\u00ADX" } });
    try {
      const client = await MongoClient.connect(`mongodb://u:IX@127.0.0.1:${db.port}/`, {
        authMechanism: "SCRAM-SHA-256",
      });
      await client.db("admin").command({ listDatabases: 1 });
      await client.close();
    } finally {
      await db.stop();
    }
  });
});

describe("random credentials", () => {
  it("gives every start new credentials, carried in uri and uriFor()", async () => {
    const a = await startDevDb({ inMemory: true });
    const b = await startDevDb({ inMemory: true });
    try {
      expect(a.credentials.password).not.toBe(b.credentials.password);
      expect(a.credentials.password.length).toBeGreaterThanOrEqual(32);
      expect(a.uriFor("x")).toBe(`${a.uri}x?authSource=admin`);
      const client = await MongoClient.connect(a.uriFor("x"));
      expect(client.db().databaseName).toBe("x");
      await client.db().collection("c").insertOne({});
      await client.close();
      // b's credentials do not open a.
      const wrong = `mongodb://devdb:${b.credentials.password}@127.0.0.1:${a.port}/`;
      expect((await serverError(MongoClient.connect(wrong, { serverSelectionTimeoutMS: 2000 }))).code).toBe(
        18,
      );
    } finally {
      await a.stop();
      await b.stop();
    }
  });
});

describe("data directory modes", () => {
  it("keeps the directory 0700 and every file 0600, tightening an old lax directory", async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), "devdb-modes-"));
    fs.chmodSync(dir, 0o755);
    fs.writeFileSync(path.join(dir, "journal-0.log"), "");
    fs.chmodSync(path.join(dir, "journal-0.log"), 0o644);
    const db = await startDevDb({ dataDir: dir });
    try {
      const client = await MongoClient.connect(db.uri);
      await client
        .db("t")
        .collection("c")
        .insertMany([{ a: 1 }, { a: 2 }]);
      await client.db("t").collection("c").createIndex({ a: 1 });
      await db.compact(); // a snapshot file and a new journal generation
      await client.db("t").collection("c").insertOne({ a: 3 });
      await client.close();
      expect(fs.statSync(dir).mode & 0o777).toBe(0o700);
      const files = fs.readdirSync(dir);
      expect(files).toEqual(expect.arrayContaining(["devdb.lock", "snapshot-1.bson", "journal-1.log"]));
      for (const f of files) expect([f, fs.statSync(path.join(dir, f)).mode & 0o777]).toEqual([f, 0o600]);
    } finally {
      await db.stop();
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });
});
