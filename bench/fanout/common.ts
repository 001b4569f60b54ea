import { spawn, type ChildProcess } from "node:child_process";
import { readFileSync } from "node:fs";
import { createServer } from "node:net";
import { performance } from "node:perf_hooks";

/** Wall-clock milliseconds with sub-millisecond precision, comparable across processes on one machine. */
export const now = () => performance.timeOrigin + performance.now();

export async function freePort(): Promise<number> {
  return new Promise((ok, fail) => {
    const srv = createServer();
    srv.once("error", fail);
    srv.listen(0, "127.0.0.1", () => {
      const address = srv.address();
      srv.close(() => ok(typeof address === "object" && address ? address.port : 0));
    });
  });
}

/** Resident memory of a process in bytes (Linux /proc), or NaN elsewhere. */
export function rssOf(pid: number | undefined): number {
  if (pid === undefined) return NaN;
  try {
    const match = readFileSync(`/proc/${pid}/status`, "utf8").match(/^VmRSS:\s+(\d+)\s+kB/m);
    return match ? Number(match[1]) * 1024 : NaN;
  } catch {
    return NaN;
  }
}

export function percentile(sorted: number[], p: number): number {
  if (sorted.length === 0) return NaN;
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1))];
}

/** Waits for `GET url/api/health` (or any 2xx at `path`) while the child stays alive. */
export async function waitForHttp(
  url: string,
  child: ChildProcess,
  log: () => string,
  path = "/api/health",
): Promise<void> {
  const deadline = Date.now() + 120_000;
  for (;;) {
    if (child.exitCode !== null) throw new Error(`process exited with ${child.exitCode}:\n${log()}`);
    if (Date.now() > deadline) throw new Error(`did not start in time:\n${log()}`);
    try {
      if ((await fetch(`${url}${path}`)).ok) return;
    } catch {
      // not listening yet
    }
    await new Promise((r) => setTimeout(r, 200));
  }
}

/** A node child running a TypeScript file through tsx, with its output kept for error messages. */
export function spawnTs(
  file: string,
  args: string[],
  env: Record<string, string>,
  cwd: string,
  ipc = false,
  nodeArgs: string[] = [],
) {
  let log = "";
  const child = spawn(process.execPath, [...nodeArgs, "--import", "tsx", file, ...args], {
    cwd,
    env: { ...process.env, ...env },
    stdio: ipc ? ["ignore", "pipe", "pipe", "ipc"] : ["ignore", "pipe", "pipe"],
  });
  child.stdout?.on("data", (d: Buffer) => (log += d.toString()));
  child.stderr?.on("data", (d: Buffer) => (log += d.toString()));
  return { child, log: () => log.slice(-4000) };
}

export async function stopChild(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null) return;
  const exited = new Promise((r) => child.once("exit", r));
  child.kill("SIGTERM");
  await Promise.race([exited, new Promise((r) => setTimeout(r, 10_000))]);
  if (child.exitCode === null) child.kill("SIGKILL");
}

/** Messages between the bench and its client process (plain JSON over Node IPC). */
export type ToClients =
  | { type: "connect"; url: string; n: number; threadId: string }
  | { type: "collect" }
  | { type: "disconnect" };

export type FromClients =
  | { type: "ready"; n: number; ms: number }
  | { type: "receipts"; receipts: Array<[number, number]>; duplicates: number }
  | { type: "closed" }
  | { type: "error"; message: string };

/** A post body carrying its bench index, so receivers know which request it answers. */
export const benchBody = (run: string, i: number) =>
  `[bench ${run} #${i}] Di kabupaten kami, layanan administrasi kependudukan kini dapat diurus di kantor desa. ` +
  "Kuncinya adalah jaringan internet desa, petugas yang dilatih, dan dasbor pemantauan antrean di kabupaten. " +
  "Bagaimana pengalaman daerah Anda?";

export const indexOf = (body: string | null | undefined): { run: string; i: number } | null => {
  const m = body?.match(/^\[bench (\S+) #(\d+)\]/);
  return m ? { run: m[1], i: Number(m[2]) } : null;
};
