import { LIMITS, type QaPersonDto } from "@rembuk/shared";

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

const dateFmt = new Intl.DateTimeFormat("id-ID", { dateStyle: "long", timeZone: "Asia/Jakarta" });
const num = new Intl.NumberFormat("id-ID");

const asker = (q: ArchiveQuestion) => (q.author ? escapeMarkdown(q.author.name) : "Anonim");
const votes = (q: ArchiveQuestion) => `${num.format(q.votes)} suara`;

/**
 * The `qa-archive` thread's opening post: what was answered (with written answers), and what is still
 * owed, by whom and by when. In Bahasa Indonesia, the language the sessions are held in; answers are
 * the hosts' own Markdown.
 */
export function archiveBody(a: ArchiveInput): string {
  const hostNames = a.hosts.map((h) => escapeMarkdown(h.name)).join(", ");
  const lines: string[] = [
    `Arsip sesi tanya jawab **${escapeMarkdown(a.title)}** bersama ${hostNames}, ` +
      `berakhir ${dateFmt.format(a.endedAt)}. ` +
      `${num.format(a.answered.length)} pertanyaan dijawab, ${num.format(a.unanswered.length)} menjadi tindak lanjut.`,
  ];
  if (a.description) lines.push("", quote(a.description));

  lines.push("", "## Pertanyaan yang dijawab", "");
  if (a.answered.length === 0) lines.push("_Tidak ada pertanyaan yang ditandai terjawab._");
  a.answered.forEach((q, i) => {
    lines.push(`### ${i + 1}. ${escapeMarkdown(q.text)}`, `_${asker(q)} · ${votes(q)}_`, "");
    lines.push(q.answer ? quote(q.answer) : "_Dijawab langsung dalam sesi._", "");
  });

  lines.push("", "## Tindak lanjut", "");
  if (a.unanswered.length === 0) lines.push("_Semua pertanyaan terjawab dalam sesi._");
  for (const q of a.unanswered) {
    const owner = q.followUp
      ? ` — penanggung jawab: **${escapeMarkdown(q.followUp.assignee.name)}**, tenggat ${dateFmt.format(q.followUp.dueAt)}`
      : "";
    lines.push(`- ${escapeMarkdown(q.text)} (_${asker(q)} · ${votes(q)}_)${owner}`);
  }
  const body = lines.join("\n").trim() + "\n";
  if (body.length <= LIMITS.postBody.max) return body;
  // A marathon session can outgrow one post: keep the top of it and point to the full export.
  const note = "\n\n_… Daftar lengkap ada di ekspor CSV sesi ini._\n";
  return body.slice(0, LIMITS.postBody.max - note.length) + note;
}

export const archiveTitle = (title: string) => `Arsip Tanya Jawab: ${title}`;
