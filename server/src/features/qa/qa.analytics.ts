import type { Locale, PollDto, QaAnalyticsDto, QuestionStatus } from "@rembuk/shared";
import type { Types } from "mongoose";
import type { Actor } from "../../lib/actor.js";
import { assertCan } from "../../lib/policy.js";
import { loadSessionAccess } from "./qa.access.js";
import { csvCell } from "../../lib/csv.js";
import { pollsFor } from "./poll.service.js";
import { QaParticipant } from "./qaParticipant.model.js";
import { Question } from "./question.model.js";
import { Vote } from "./vote.model.js";

/** At most this many "joined over time" buckets: a long session gets wider ones. */
const MAX_BUCKETS = 288;
const TOP_QUESTIONS = 10;

/** First joins per bucket from the first join to `until`, empty buckets included, oldest first. */
export function joinBuckets(
  joins: readonly Date[],
  bucketMinutes: number,
  until: Date,
): { at: string; count: number }[] {
  if (joins.length === 0) return [];
  const first = Math.min(...joins.map((d) => d.getTime()));
  const last = Math.max(until.getTime(), ...joins.map((d) => d.getTime()));
  let width = bucketMinutes * 60_000;
  while ((last - first) / width >= MAX_BUCKETS) width *= 2;
  const start = Math.floor(first / width) * width;
  const n = Math.floor((last - start) / width) + 1;
  const counts = new Array<number>(n).fill(0);
  for (const d of joins) counts[Math.floor((d.getTime() - start) / width)]++;
  return counts.map((count, i) => ({ at: new Date(start + i * width).toISOString(), count }));
}

/**
 * `GET /qa/:id/analytics` (hosts, moderators; during and after the session): who joined when,
 * what happened to the questions, votes, the most wanted questions and every poll's results.
 */
export async function sessionAnalytics(
  actor: Actor | null,
  sessionId: string,
  bucketMinutes: number,
  now: Date = new Date(),
): Promise<QaAnalyticsDto> {
  const access = await loadSessionAccess(actor, sessionId);
  assertCan(actor, "qa.viewModeration", access.scope);
  const { session } = access;
  const id: Types.ObjectId = session._id;
  const [participants, byStatus, votes, voters, top, polls] = await Promise.all([
    QaParticipant.find({ session: id }, { kind: 1, createdAt: 1 }).lean(),
    Question.aggregate<{ _id: QuestionStatus; n: number }>([
      { $match: { session: id } },
      { $group: { _id: "$status", n: { $sum: 1 } } },
    ]),
    Vote.countDocuments({ session: id }),
    Vote.distinct("user", { session: id }),
    Question.find(
      { session: id, status: { $in: ["approved", "answered"] } },
      { text: 1, votes: 1, status: 1 },
    )
      .sort({ votes: -1, createdAt: 1 })
      .limit(TOP_QUESTIONS)
      .lean(),
    pollsFor(actor, access),
  ]);
  const count = (s: QuestionStatus) => byStatus.find((b) => b._id === s)?.n ?? 0;
  const guests = participants.filter((p) => p.kind === "guest").length;
  return {
    sessionId: id.toString(),
    title: session.title,
    locale: session.locale ?? "id",
    generatedAt: now.toISOString(),
    bucketMinutes,
    participants: {
      total: participants.length,
      members: participants.length - guests,
      guests,
      joined: joinBuckets(
        participants.map((p) => p.createdAt),
        bucketMinutes,
        session.endedAt ?? now,
      ),
    },
    questions: {
      asked: byStatus.reduce((sum, b) => sum + b.n, 0),
      pending: count("pending"),
      // Ever approved: still open or since answered.
      approved: count("approved") + count("answered"),
      answered: count("answered"),
      dismissed: count("dismissed"),
    },
    votes: { total: votes, voters: voters.length },
    topQuestions: top.map((q) => ({ id: q._id.toString(), text: q.text, votes: q.votes, status: q.status })),
    polls,
  };
}

const LABELS = {
  id: {
    header: ["bagian", "butir", "nilai"],
    participants: "Peserta",
    total: "Jumlah",
    members: "Anggota",
    guests: "Tamu",
    joined: "Bergabung (WIB)",
    questions: "Pertanyaan",
    asked: "Diajukan",
    pending: "Menunggu",
    approved: "Disetujui",
    answered: "Terjawab",
    dismissed: "Ditolak",
    votes: "Suara",
    voters: "Pemberi suara",
    top: "Pertanyaan teratas",
    poll: "Jajak pendapat",
    answers: "Jawaban",
    average: "Rata-rata",
    status: {
      pending: "menunggu",
      approved: "disetujui",
      answered: "terjawab",
      dismissed: "ditolak",
      merged: "digabung",
    },
  },
  en: {
    header: ["section", "item", "value"],
    participants: "Participants",
    total: "Total",
    members: "Members",
    guests: "Guests",
    joined: "Joined (WIB)",
    questions: "Questions",
    asked: "Asked",
    pending: "Pending",
    approved: "Approved",
    answered: "Answered",
    dismissed: "Dismissed",
    votes: "Votes",
    voters: "Voters",
    top: "Top questions",
    poll: "Poll",
    answers: "Answers",
    average: "Average",
    status: {
      pending: "pending",
      approved: "approved",
      answered: "answered",
      dismissed: "dismissed",
      merged: "merged",
    },
  },
} as const satisfies Record<Locale, unknown>;

/** Bucket times in the organisers' zone (Asia/Jakarta, WIB), as the heading says. */
const wib = (iso: string) =>
  new Intl.DateTimeFormat("sv-SE", {
    timeZone: "Asia/Jakarta",
    dateStyle: "short",
    timeStyle: "short",
  }).format(new Date(iso));

function pollRows(poll: PollDto, l: (typeof LABELS)[Locale]): (string | number)[][] {
  const section = `${l.poll}: ${poll.question}`;
  const r = poll.results;
  if (!r) return [];
  const rows: (string | number)[][] = [[section, l.answers, r.total]];
  if (poll.kind === "choice") poll.options.forEach((o, i) => rows.push([section, o, r.counts?.[i] ?? 0]));
  if (poll.kind === "rating") {
    (r.counts ?? []).forEach((n, i) => rows.push([section, String(i + 1), n]));
    rows.push([section, l.average, r.average ?? ""]);
  }
  if (poll.kind === "words") for (const w of r.words ?? []) rows.push([section, w.word, w.count]);
  return rows;
}

/** The analytics as rows (section, item, value) with headings in the session's language. */
export function analyticsRows(a: QaAnalyticsDto): (string | number)[][] {
  const l = LABELS[a.locale];
  return [
    [...l.header],
    [l.participants, l.total, a.participants.total],
    [l.participants, l.members, a.participants.members],
    [l.participants, l.guests, a.participants.guests],
    ...a.participants.joined.map((b) => [l.joined, wib(b.at), b.count]),
    [l.questions, l.asked, a.questions.asked],
    [l.questions, l.pending, a.questions.pending],
    [l.questions, l.approved, a.questions.approved],
    [l.questions, l.answered, a.questions.answered],
    [l.questions, l.dismissed, a.questions.dismissed],
    [l.votes, l.total, a.votes.total],
    [l.votes, l.voters, a.votes.voters],
    ...a.topQuestions.map((q, i) => [
      `${l.top} ${i + 1}`,
      `${q.text} (${l.status[q.status as QuestionStatus] ?? q.status})`,
      q.votes,
    ]),
    ...a.polls.flatMap((p) => pollRows(p, l)),
  ];
}

/** `GET /qa/:id/analytics.csv`: the figures as CSV (a BOM for spreadsheets), named in the session's language. */
export async function analyticsCsv(
  actor: Actor | null,
  sessionId: string,
  bucketMinutes: number,
): Promise<{ filename: string; csv: string }> {
  const analytics = await sessionAnalytics(actor, sessionId, bucketMinutes);
  const rows = analyticsRows(analytics).map((r) => r.map(csvCell).join(","));
  const name = analytics.locale === "en" ? "analytics" : "analitik";
  return { filename: `${name}-${analytics.sessionId}.csv`, csv: `\uFEFF${rows.join("\r\n")}\r\n` };
}
