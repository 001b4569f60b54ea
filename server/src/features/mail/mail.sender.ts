import nodemailer, { type Transporter } from "nodemailer";
import { logger } from "../../lib/logger.js";
import { MailMessage, type MailRecord } from "./mail.model.js";

/**
 * Delivers the outbox through SMTP_URL, off the request path. One sender per process; several
 * processes may run at once: a message is claimed atomically (`lockedUntil`) before it is sent.
 * A failure is retried with exponential backoff; after the last attempt the message is `failed`
 * and admins see it (with the error) in the outbox. Without SMTP_URL nothing is sent: enqueue
 * stores messages as `held`.
 */
export const MAIL_RETRY = {
  /** First retry after this many seconds, then doubling. */
  baseSeconds: 30,
  /** Attempts before a message is marked failed for good. */
  maxAttempts: 6,
  /** A claim expires after this long (a process that died mid-send). */
  claimSeconds: 120,
  /** How often due retries are looked for even when nothing new was queued. */
  pollMs: 5_000,
} as const;

/** `?token=abc…` → `?token=…` (what a sent message keeps). */
export const redactTokens = (s: string) => s.replace(/token=[A-Za-z0-9_%-]+/g, "token=…");

export function retryDelaySeconds(attempts: number): number {
  return MAIL_RETRY.baseSeconds * 2 ** Math.max(0, attempts - 1);
}

interface SenderState {
  transport: Transporter;
  from: string;
  timer: NodeJS.Timeout | null;
  running: Promise<void> | null;
  again: boolean;
  stopped: boolean;
}

let state: SenderState | null = null;

/** Start delivering (called once by the app when SMTP_URL is set). */
export function startMailSender(smtpUrl: string, from: string): void {
  stopMailSenderSync();
  const transport = nodemailer.createTransport(smtpUrl);
  state = { transport, from, timer: null, running: null, again: false, stopped: false };
  schedule(0);
}

function stopMailSenderSync() {
  if (!state) return;
  state.stopped = true;
  if (state.timer) clearTimeout(state.timer);
  state.transport.close();
}

/** Stop after the message in flight (app close). */
export async function stopMailSender(): Promise<void> {
  const s = state;
  if (!s) return;
  s.stopped = true;
  if (s.timer) clearTimeout(s.timer);
  await s.running;
  s.transport.close();
  if (state === s) state = null;
}

export const mailSenderRunning = () => state !== null && !state.stopped;

function schedule(ms: number) {
  const s = state;
  if (!s || s.stopped) return;
  if (s.timer) clearTimeout(s.timer);
  s.timer = setTimeout(() => void drain(), ms);
  s.timer.unref();
}

/** Look for due messages now (after an enqueue), instead of at the next poll. */
export function kickMailSender(): void {
  const s = state;
  if (!s || s.stopped) return;
  if (s.running) s.again = true;
  else schedule(0);
}

/** Send every due message, one at a time, then sleep until the next poll. */
async function drain(): Promise<void> {
  const s = state;
  if (!s || s.stopped || s.running) return;
  s.running = (async () => {
    do {
      s.again = false;
      for (;;) {
        if (s.stopped) return;
        const msg = await claimNext().catch((err: unknown) => {
          logger.warn({ err }, "mail: could not read the outbox");
          return null;
        });
        if (!msg) break;
        await deliver(s, msg);
      }
    } while (s.again && !s.stopped);
  })();
  try {
    await s.running;
  } finally {
    s.running = null;
    schedule(MAIL_RETRY.pollMs);
  }
}

async function claimNext(): Promise<MailRecord | null> {
  const now = new Date();
  return MailMessage.findOneAndUpdate(
    {
      status: "pending",
      nextAttemptAt: { $lte: now },
      $or: [{ lockedUntil: null }, { lockedUntil: { $lte: now } }],
    },
    {
      $set: { lockedUntil: new Date(now.getTime() + MAIL_RETRY.claimSeconds * 1000) },
      $inc: { attempts: 1 },
    },
    { returnDocument: "after", sort: { nextAttemptAt: 1 } },
  ).lean();
}

async function deliver(s: SenderState, msg: MailRecord): Promise<void> {
  try {
    await s.transport.sendMail({
      from: s.from,
      to: msg.to,
      subject: msg.subject,
      text: msg.text,
      html: msg.html,
      ...(msg.headers ? { headers: msg.headers } : {}),
    });
    // Once delivered, the copy kept here loses its link tokens: the outbox must not become a
    // second place where a working reset link is stored in clear.
    await MailMessage.updateOne(
      { _id: msg._id },
      {
        $set: {
          status: "sent",
          sentAt: new Date(),
          lockedUntil: null,
          lastError: null,
          nextAttemptAt: null,
          text: redactTokens(msg.text),
          html: redactTokens(msg.html),
        },
      },
    );
  } catch (err) {
    const error = err instanceof Error ? err.message.slice(0, 1000) : "send failed";
    const gaveUp = msg.attempts >= MAIL_RETRY.maxAttempts;
    logger.warn({ mailId: msg._id.toString(), attempts: msg.attempts, gaveUp, error }, "mail: send failed");
    await MailMessage.updateOne(
      { _id: msg._id },
      {
        $set: {
          status: gaveUp ? "failed" : "pending",
          lastError: error,
          lockedUntil: null,
          nextAttemptAt: gaveUp ? null : new Date(Date.now() + retryDelaySeconds(msg.attempts) * 1000),
        },
      },
    );
  }
}
