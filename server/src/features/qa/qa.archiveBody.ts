import { LIMITS, type Locale, type QaPersonDto } from "@rembuk/shared";

/** Markdown punctuation in a question must read as text, not turn into a heading or a link. */
export function escapeMarkdown(text: string): string {
  return text.replace(/([\\`*_{}[\]()#+\-.!|<>~])/g, "\\$1").replace(/\r?\n+/g, " ");
}

const quote = (text: string) =>
  text
    .split(/\r?\n/)
    .map((line) => `> ${line}`)
    .join("\n");

export interface ArchiveQuestion {
  text: string;
  votes: number;
  author: QaPersonDto | null;
  answer: string | null;
  followUp: { assignee: QaPersonDto; dueAt: Date } | null;
}

export interface ArchiveInput {
  title: string;
  description: string;
  hosts: QaPersonDto[];
  startedAt: Date | null;
  endedAt: Date;
  answered: ArchiveQuestion[];
  unanswered: ArchiveQuestion[];
}

/** The archive's words in each interface language; the body is written once, in the session's. */
const WORDS = {
  id: {
    intro: (title: string, hosts: string, ended: string, answered: string, owed: string) =>
      `Arsip sesi tanya jawab **${title}** bersama ${hosts}, berakhir ${ended}. ` +
      `${answered} pertanyaan dijawab, ${owed} menjadi tindak lanjut.`,
    answeredHeading: "## Pertanyaan yang dijawab",
    noneAnswered: "_Tidak ada pertanyaan yang ditandai terjawab._",
    answeredLive: "_Dijawab langsung dalam sesi._",
    followUpHeading: "## Tindak lanjut",
    noneOwed: "_Semua pertanyaan terjawab dalam sesi._",
    owner: (name: string, due: string) => ` — penanggung jawab: **${name}**, tenggat ${due}`,
    anonymous: "Anonim",
    votes: (n: string) => `${n} suara`,
    truncated: "_… Daftar lengkap ada di ekspor CSV sesi ini._",
    titlePrefix: "Arsip Tanya Jawab",
    shortPrefix: "Arsip",
  },
  en: {
    intro: (title: string, hosts: string, ended: string, answered: string, owed: string) =>
      `Archive of the Q&A session **${title}** with ${hosts}, ended ${ended}. ` +
      `${answered} answered, ${owed} left as follow-ups.`,
    answeredHeading: "## Answered questions",
    noneAnswered: "_No question was marked answered._",
    answeredLive: "_Answered live in the session._",
    followUpHeading: "## Follow-ups",
    noneOwed: "_Every question was answered in the session._",
    owner: (name: string, due: string) => ` — owner: **${name}**, due ${due}`,
    anonymous: "Anonymous",
    votes: (n: string) => `${n} ${n === "1" ? "vote" : "votes"}`,
    truncated: "_… The full list is in this session's CSV export._",
    titlePrefix: "Q&A archive",
    shortPrefix: "Archive",
  },
} as const satisfies Record<Locale, unknown>;

const FORMATS = {
  id: {
    date: new Intl.DateTimeFormat("id-ID", { dateStyle: "long", timeZone: "Asia/Jakarta" }),
    num: new Intl.NumberFormat("id-ID"),
  },
  en: {
    date: new Intl.DateTimeFormat("en-GB", { dateStyle: "long", timeZone: "Asia/Jakarta" }),
    num: new Intl.NumberFormat("en-GB"),
  },
} as const;

/**
 * The `qa-archive` thread's opening post: what was answered (with written answers), and what is still
 * owed, by whom and by when. Written in the session's language (`locale`: its host's at creation,
 * Bahasa Indonesia by default); answers are the hosts' own Markdown.
 */
export function archiveBody(a: ArchiveInput, locale: Locale = "id"): string {
  const w = WORDS[locale];
  const { date, num } = FORMATS[locale];
  const asker = (q: ArchiveQuestion) => (q.author ? escapeMarkdown(q.author.name) : w.anonymous);
  const votes = (q: ArchiveQuestion) => w.votes(num.format(q.votes));
  const hostNames = a.hosts.map((h) => escapeMarkdown(h.name)).join(", ");
  const lines: string[] = [
    w.intro(
      escapeMarkdown(a.title),
      hostNames,
      date.format(a.endedAt),
      num.format(a.answered.length),
      num.format(a.unanswered.length),
    ),
  ];
  if (a.description) lines.push("", quote(a.description));

  lines.push("", w.answeredHeading, "");
  if (a.answered.length === 0) lines.push(w.noneAnswered);
  a.answered.forEach((q, i) => {
    lines.push(`### ${i + 1}. ${escapeMarkdown(q.text)}`, `_${asker(q)} · ${votes(q)}_`, "");
    lines.push(q.answer ? quote(q.answer) : w.answeredLive, "");
  });

  lines.push("", w.followUpHeading, "");
  if (a.unanswered.length === 0) lines.push(w.noneOwed);
  for (const q of a.unanswered) {
    const owner = q.followUp
      ? w.owner(escapeMarkdown(q.followUp.assignee.name), date.format(q.followUp.dueAt))
      : "";
    lines.push(`- ${escapeMarkdown(q.text)} (_${asker(q)} · ${votes(q)}_)${owner}`);
  }
  const body = lines.join("\n").trim() + "\n";
  if (body.length <= LIMITS.postBody.max) return body;
  // A marathon session can outgrow one post: keep the top of it and point to the full export.
  const note = `\n\n${w.truncated}\n`;
  return body.slice(0, LIMITS.postBody.max - note.length) + note;
}

/** A leading "Tanya jawab:" / "Q&A –" on the session title: the archive prefix says it already. */
const QA_PREFIX = /^\s*(?:sesi\s+)?(?:tanya[\s-]+jawab|q\s*&\s*a|q\s+and\s+a)\s*[:\-–—|]\s*/i;
/** A title that still names the format somewhere ("Tanya Jawab bersama Bupati …"). */
const MENTIONS_QA = /tanya[\s-]+jawab|\bq\s*&\s*a\b|\bq\s+and\s+a\b/i;

/**
 * The archive thread's title, without saying "Q&A" twice: "Tanya jawab: Smart Kampung" becomes
 * "Arsip Tanya Jawab: Smart Kampung", "Tanya Jawab bersama Bupati" becomes "Arsip: Tanya Jawab
 * bersama Bupati". Cut to the thread title limit.
 */
export function archiveTitle(title: string, locale: Locale = "id"): string {
  const w = WORDS[locale];
  const rest = title.replace(QA_PREFIX, "").trim() || title.trim();
  const full = MENTIONS_QA.test(rest) ? `${w.shortPrefix}: ${rest}` : `${w.titlePrefix}: ${rest}`;
  return full.length <= LIMITS.threadTitle.max
    ? full
    : `${full.slice(0, LIMITS.threadTitle.max - 1).trimEnd()}…`;
}
