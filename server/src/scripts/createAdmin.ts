import { stdin, stdout } from "node:process";
import { Writable } from "node:stream";
import { createInterface } from "node:readline/promises";
import { parseArgs } from "node:util";
import { z } from "zod";
import { Email, LIMITS, Password } from "@rembuk/shared";
import { loadConfig } from "../config.js";
import { runScript } from "./runScript.js";
import { connectDb, syncAllIndexes } from "../lib/db.js";
import "../features/policies.js";
import { ensureAdmin } from "../features/users/index.js";

/**
 * `pnpm create-admin [--email …] [--password …] [--name …]`: create an administrator, or promote an
 * existing account (its password is then left unchanged). Missing values are prompted for.
 *
 * Database: MONGODB_URI when set; otherwise the embedded database in DATA_DIR. If a server is
 * running on that DATA_DIR it owns the database files, so the script connects to that server's
 * embedded database (found through DATA_DIR/embedded-db.json) instead of opening the files itself.
 */
const Name = z.string().trim().min(LIMITS.name.min).max(LIMITS.name.max);

async function prompt(question: string, hidden = false): Promise<string> {
  let muted = false;
  // Echo everything but the typed password.
  const output = new Writable({
    write(chunk: Buffer, _enc, done) {
      if (!muted) stdout.write(chunk);
      done();
    },
  });
  const rl = createInterface({ input: stdin, output, terminal: stdin.isTTY });
  try {
    const answer = rl.question(question);
    muted = hidden;
    return await answer;
  } finally {
    if (hidden) stdout.write("\n");
    rl.close();
  }
}

async function main(): Promise<number> {
  const { values } = parseArgs({
    options: { email: { type: "string" }, password: { type: "string" }, name: { type: "string" } },
    strict: true,
  });
  const config = loadConfig();
  const email = Email.parse(values.email ?? (await prompt("Email admin: ")));
  const password = Password.parse(values.password ?? (await prompt("Kata sandi (min. 8 karakter): ", true)));
  const name = Name.parse(
    values.name ?? ((await prompt("Nama (kosongkan: Administrator): ")) || "Administrator"),
  );

  const db = await connectDb(config, { attachToRunning: true });
  try {
    await syncAllIndexes();
    const outcome = await ensureAdmin({ email, password, name });
    const messages = {
      created: `Admin ${email} dibuat.`,
      promoted: `${email} sekarang admin (kata sandinya tidak diubah).`,
      unchanged: `${email} sudah admin; tidak ada yang diubah.`,
    } as const;
    stdout.write(`${messages[outcome]}\n`);
    return 0;
  } finally {
    await db.close();
  }
}

runScript(main, (err) => {
  if (err instanceof z.ZodError) return err.issues.map((i) => i.message).join("\n");
  if (err instanceof Error && /in use by process/.test(err.message))
    return `${err.message}\nStop the server, or start it again so create-admin can find it.`;
  return undefined;
});
