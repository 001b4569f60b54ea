import type { AddressInfo } from "node:net";
import { SMTPServer } from "smtp-server";

/** One message as the test SMTP server received it, with its plain-text part decoded. */
export interface ReceivedMail {
  from: string;
  to: string[];
  subject: string;
  text: string;
  html: string;
  raw: string;
}

export interface TestSmtp {
  url: string;
  mails: ReceivedMail[];
  /** The first message (received from now on or earlier) matching `pred`; rejects after `ms`. */
  waitFor(pred: (m: ReceivedMail) => boolean, ms?: number): Promise<ReceivedMail>;
  close(): Promise<void>;
}

/** Quoted-printable as nodemailer writes it: soft line breaks and `=XX` bytes (UTF-8). */
function decodeQuotedPrintable(s: string): string {
  const joined = s.replace(/=\r?\n/g, "");
  const bytes: number[] = [];
  for (let i = 0; i < joined.length; i++) {
    if (joined[i] === "=" && /^[0-9A-F]{2}$/i.test(joined.slice(i + 1, i + 3))) {
      bytes.push(parseInt(joined.slice(i + 1, i + 3), 16));
      i += 2;
    } else bytes.push(...Buffer.from(joined[i], "utf8"));
  }
  return Buffer.from(bytes).toString("utf8");
}

/** The body of the MIME part of type `type` in a (possibly multipart) message. */
function part(raw: string, type: "text/plain" | "text/html"): string {
  const idx = raw.toLowerCase().indexOf(`content-type: ${type}`);
  if (idx < 0) return "";
  const rest = raw.slice(idx);
  const headerEnd = rest.search(/\r?\n\r?\n/);
  const headers = rest.slice(0, headerEnd).toLowerCase();
  const body = rest
    .slice(headerEnd)
    .replace(/^\r?\n\r?\n/, "")
    .split(/\r?\n--/)[0];
  if (headers.includes("quoted-printable")) return decodeQuotedPrintable(body);
  if (headers.includes("base64")) return Buffer.from(body.replace(/\s+/g, ""), "base64").toString("utf8");
  return body;
}

/**
 * A real SMTP server on a free port (the `smtp-server` package), started by a test: the app's
 * sender talks SMTP to it exactly as to a production relay. `reject` refuses some recipients
 * (550) to exercise retries.
 */
export async function startSmtp(opts: { reject?: (to: string) => boolean } = {}): Promise<TestSmtp> {
  const mails: ReceivedMail[] = [];
  const server = new SMTPServer({
    authOptional: true,
    disabledCommands: ["STARTTLS", "AUTH"],
    logger: false,
    onRcptTo(address, _session, cb) {
      if (opts.reject?.(address.address))
        cb(Object.assign(new Error("Mailbox unavailable"), { responseCode: 550 }));
      else cb();
    },
    onData(stream, session, cb) {
      const chunks: Buffer[] = [];
      stream.on("data", (c: Buffer) => chunks.push(c));
      stream.on("end", () => {
        const raw = Buffer.concat(chunks).toString("utf8");
        const subject = /^subject: (.*)$/im.exec(raw)?.[1]?.trim() ?? "";
        mails.push({
          from: session.envelope.mailFrom ? session.envelope.mailFrom.address : "",
          to: session.envelope.rcptTo.map((r) => r.address),
          subject,
          text: part(raw, "text/plain"),
          html: part(raw, "text/html"),
          raw,
        });
        cb();
      });
    },
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.server.address() as AddressInfo;
  return {
    url: `smtp://127.0.0.1:${port}`,
    mails,
    waitFor: (pred, ms = 10_000) =>
      new Promise((resolve, reject) => {
        const tick = () => {
          const found = mails.find(pred);
          if (found) return resolve(found);
          // Real time, not Date.now(): tests may fake the clock.
          if (performance.now() - startedReal > ms)
            return reject(new Error(`no matching mail within ${ms} ms`));
          setTimeout(tick, 20);
        };
        const startedReal = performance.now();
        tick();
      }),
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}

/** The token in the first `/confirm-email` or `/reset-password` link of a message. */
export function tokenIn(mail: ReceivedMail, path: "/confirm-email" | "/reset-password"): string {
  const m = new RegExp(`${path}\\?token=([A-Za-z0-9_-]+)`).exec(mail.text);
  if (!m) throw new Error(`no ${path} link in: ${mail.text}`);
  return m[1];
}
