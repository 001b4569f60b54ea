import type { QaStatus } from "@rembuk/shared";
import { DEMO_PASSWORD, presentDemoAccounts } from "./features/demo/index.js";
import { QaSession } from "./features/qa/index.js";

export interface BannerAccount {
  email: string;
  name: string;
  role: string;
  title: string;
}

export interface BannerSession {
  title: string;
  status: QaStatus;
  joinCode: string;
}

const STATUS_WORD: Record<QaStatus, string> = {
  live: "berlangsung",
  scheduled: "terjadwal",
  ended: "selesai",
};

/**
 * What a start prints under the URL when demo content is on: every demo account with its name and
 * office next to its email (the emails name offices, the people are fictional), and the join codes of
 * the Q&A sessions, so a first-time tester can sign in and join without reading the JSON logs.
 */
export function formatDemoBanner(accounts: BannerAccount[], sessions: BannerSession[]): string {
  if (accounts.length === 0 && sessions.length === 0) return "";
  const out: string[] = [];
  if (accounts.length) {
    const emailWidth = Math.max(...accounts.map((a) => a.email.length));
    out.push(``, `  Akun demo (kata sandi: ${DEMO_PASSWORD})`);
    for (const a of accounts) {
      const who = a.title ? `${a.name} · ${a.title}` : a.name;
      out.push(`    ${a.email.padEnd(emailWidth)}  ${a.role.padEnd(9)}  ${who}`);
    }
  }
  if (sessions.length) {
    out.push(``, `  Sesi tanya jawab (kode gabung)`);
    for (const s of sessions) out.push(`    ${s.joinCode}  ${STATUS_WORD[s.status].padEnd(11)}  ${s.title}`);
  }
  return out.join("\n") + "\n";
}

/** The demo accounts present and the sessions not yet ended (live first, then by start). */
export async function demoBanner(): Promise<string> {
  const [accounts, sessions] = await Promise.all([
    presentDemoAccounts(),
    QaSession.find(
      { status: { $in: ["live", "scheduled"] } },
      { title: 1, status: 1, joinCode: 1, startsAt: 1 },
    )
      .sort({ status: 1, startsAt: 1 })
      .limit(10)
      .lean(),
  ]);
  return formatDemoBanner(accounts, sessions);
}
