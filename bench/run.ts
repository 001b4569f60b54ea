/**
 * `pnpm bench`: every benchmark in this folder, one after another (they each start their own server
 * and would disturb each other's numbers if run at once). Each is also runnable on its own, e.g.
 * `pnpm --filter @rembuk/bench bench:qa` or `bench:fanout`. Add a benchmark by adding its file here.
 */
import { spawnSync } from "node:child_process";
import { existsSync } from "node:fs";
import { join } from "node:path";

const BENCHES = [
  "client.ts",
  "fanout.ts",
  "qa-vote-storm.ts",
  "qa-crowd.ts",
  "search.ts",
  "notify-fanout.ts",
];

let failed = 0;
for (const file of BENCHES) {
  const path = join(import.meta.dirname, file);
  if (!existsSync(path)) continue;
  process.stdout.write(`\n=== ${file} ===\n`);
  const { status } = spawnSync(process.execPath, ["--import", "tsx", path], {
    stdio: "inherit",
    cwd: import.meta.dirname,
  });
  if (status !== 0) failed++;
}
process.exitCode = failed ? 1 : 0;
