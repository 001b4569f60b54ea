import { LIMITS, type Locale, type PollDto } from "@rembuk/shared";
import type { Types } from "mongoose";
import { escapeMarkdown } from "./qa.archiveBody.js";
import { Poll } from "./poll.model.js";
import { presentPoll } from "./poll.presenter.js";
import { tallyOf } from "./poll.tally.js";

/** Every poll of a session that was ever opened, with its final results (drafts were never seen). */
export async function finalPolls(sessionId: Types.ObjectId): Promise<PollDto[]> {
  const polls = await Poll.find({ session: sessionId, status: { $in: ["open", "closed"] } })
    .sort({ createdAt: 1 })
    .lean();
  return Promise.all(polls.map(async (p) => presentPoll(p, await tallyOf(p), "moderator", undefined)));
}

const WORDS = {
  id: {
    heading: "Jajak pendapat",
    answers: (n: string) => `${n} jawaban`,
    average: "rata-rata",
    none: "_Belum ada jawaban._",
  },
  en: {
    heading: "Polls",
    answers: (n: string) => `${n} answers`,
    average: "average",
    none: "_No answers yet._",
  },
} as const;

/** The polls as a Markdown section of the archive post, in the session's language. */
export function pollsMarkdown(polls: readonly PollDto[], locale: Locale = "id"): string {
  if (polls.length === 0) return "";
  const w = WORDS[locale];
  const num = new Intl.NumberFormat(locale === "en" ? "en-GB" : "id-ID");
  const lines = ["", `## ${w.heading}`, ""];
  for (const p of polls) {
    const r = p.results;
    lines.push(`### ${escapeMarkdown(p.question)}`, `_${w.answers(num.format(r?.total ?? 0))}_`, "");
    if (!r || r.total === 0) {
      lines.push(w.none, "");
      continue;
    }
    if (p.kind === "choice")
      p.options.forEach((o, i) => lines.push(`- ${escapeMarkdown(o)}: ${num.format(r.counts?.[i] ?? 0)}`));
    if (p.kind === "rating") {
      (r.counts ?? []).forEach((n, i) => lines.push(`- ${"★".repeat(i + 1)}: ${num.format(n)}`));
      lines.push(`- ${w.average}: ${num.format(r.average ?? 0)}`);
    }
    if (p.kind === "words")
      for (const x of (r.words ?? []).slice(0, 20))
        lines.push(`- ${escapeMarkdown(x.word)}: ${num.format(x.count)}`);
    lines.push("");
  }
  return lines.join("\n");
}

/** The archive body with the polls appended, still within one post (the questions part is cut first). */
export function withPolls(body: string, polls: string): string {
  if (!polls) return body;
  const max = LIMITS.postBody.max;
  if (body.length + polls.length <= max) return body.trimEnd() + "\n" + polls.trimEnd() + "\n";
  const room = Math.max(0, max - polls.length - 10);
  return body.slice(0, room).trimEnd() + "\n…\n" + polls.slice(0, max - room - 3).trimEnd() + "\n";
}

/** Rows for the CSV export's poll block: poll, kind, question, option, count. */
export function pollCsvRows(polls: readonly PollDto[]): (string | number)[][] {
  const rows: (string | number)[][] = [];
  for (const p of polls) {
    const r = p.results;
    if (!r) continue;
    rows.push([p.id, p.kind, p.question, "total", r.total]);
    if (p.kind === "choice")
      p.options.forEach((o, i) => rows.push([p.id, p.kind, p.question, o, r.counts?.[i] ?? 0]));
    if (p.kind === "rating") {
      (r.counts ?? []).forEach((n, i) => rows.push([p.id, p.kind, p.question, String(i + 1), n]));
      rows.push([p.id, p.kind, p.question, "average", r.average ?? ""]);
    }
    if (p.kind === "words")
      for (const x of r.words ?? []) rows.push([p.id, p.kind, p.question, x.word, x.count]);
  }
  return rows;
}

export const POLL_CSV_COLUMNS = ["poll_id", "poll_kind", "poll_question", "option", "count"] as const;
