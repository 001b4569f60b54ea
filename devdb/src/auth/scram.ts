import { createHash, createHmac, pbkdf2Sync, randomBytes, timingSafeEqual } from "node:crypto";
import { saslprep } from "@mongodb-js/saslprep";

/**
 * The server side of SCRAM (RFC 5802), with the parameters `mongod` uses: SCRAM-SHA-256 (RFC
 * 7677) over the SASLprep'd password, 15000 iterations, and SCRAM-SHA-1 over MongoDB's
 * `md5("user:mongo:password")` digest, 10000 iterations; salts are the hash length minus 4 bytes.
 */
export type Mechanism = "SCRAM-SHA-1" | "SCRAM-SHA-256";
export const MECHANISMS: readonly Mechanism[] = ["SCRAM-SHA-1", "SCRAM-SHA-256"];

interface Algorithm {
  hash: "sha1" | "sha256";
  bytes: number;
  iterations: number;
  prepare(username: string, password: string): string;
}

const ALGORITHMS: Record<Mechanism, Algorithm> = {
  "SCRAM-SHA-1": {
    hash: "sha1",
    bytes: 20,
    iterations: 10_000,
    prepare: (user, password) => createHash("md5").update(`${user}:mongo:${password}`, "utf8").digest("hex"),
  },
  "SCRAM-SHA-256": {
    hash: "sha256",
    bytes: 32,
    iterations: 15_000,
    prepare: (_user, password) => saslprep(password),
  },
};

/** What the server stores for one user and mechanism: never the password itself. */
export interface ScramSecrets {
  salt: Buffer;
  iterations: number;
  storedKey: Buffer;
  serverKey: Buffer;
}

/** `fixed` pins salt and iteration count (RFC test vectors); normally both are mongod's defaults. */
export function deriveSecrets(
  mechanism: Mechanism,
  username: string,
  password: string,
  fixed: { salt: Buffer; iterations: number } | null = null,
): ScramSecrets {
  const alg = ALGORITHMS[mechanism];
  const salt = fixed?.salt ?? randomBytes(alg.bytes - 4);
  const iterations = fixed?.iterations ?? alg.iterations;
  const salted = pbkdf2Sync(alg.prepare(username, password), salt, iterations, alg.bytes, alg.hash);
  const clientKey = hmac(alg, salted, "Client Key");
  return {
    salt,
    iterations,
    storedKey: createHash(alg.hash).update(clientKey).digest(),
    serverKey: hmac(alg, salted, "Server Key"),
  };
}

function hmac(alg: Algorithm, key: Buffer, text: string): Buffer {
  return createHmac(alg.hash, key).update(text, "utf8").digest();
}

export class ScramFailure extends Error {}

/** `a=b,c=d` → map; values keep any `=` they contain. */
function attributes(s: string): Map<string, string> {
  const out = new Map<string, string>();
  for (const part of s.split(",")) {
    const eq = part.indexOf("=");
    if (eq === 1) out.set(part[0], part.slice(2));
  }
  return out;
}

/** RFC 5802 §5.1: `=2C` and `=3D` are the only escapes allowed in a saslname. */
function decodeSaslName(s: string): string {
  if (/=(?!2C|3D)/.test(s)) throw new ScramFailure("invalid username encoding");
  return s.replace(/=2C/g, ",").replace(/=3D/g, "=");
}

/** Parses the client-first message: the username it names and the state to continue with. */
export function parseClientFirst(payload: Buffer): {
  username: string;
  gs2: string;
  bare: string;
  nonce: string;
} {
  const text = payload.toString("utf8");
  const m = /^([ny]),(a=[^,]*)?,(.*)$/.exec(text);
  if (!m) throw new ScramFailure("invalid SCRAM client-first message");
  const bare = m[3];
  const attrs = attributes(bare);
  const user = attrs.get("n");
  const nonce = attrs.get("r");
  if (user === undefined || !nonce || attrs.has("m"))
    throw new ScramFailure("invalid SCRAM client-first message");
  return { username: decodeSaslName(user), gs2: `${m[1]},${m[2] ?? ""},`, bare, nonce };
}

/** One conversation after the client-first message: server-first out, client-final in. */
export class ScramConversation {
  readonly serverFirst: string;
  private readonly nonce: string;

  constructor(
    readonly mechanism: Mechanism,
    readonly username: string,
    private readonly secrets: ScramSecrets,
    private readonly client: { gs2: string; bare: string; nonce: string },
    serverNonce = randomBytes(24).toString("base64"),
  ) {
    this.nonce = client.nonce + serverNonce;
    this.serverFirst = `r=${this.nonce},s=${secrets.salt.toString("base64")},i=${secrets.iterations}`;
  }

  /** Checks the client's proof; returns the server-final message proving the server's identity. */
  finish(payload: Buffer): string {
    const alg = ALGORITHMS[this.mechanism];
    const text = payload.toString("utf8");
    const cut = text.lastIndexOf(",p=");
    if (cut < 0) throw new ScramFailure("missing client proof");
    const withoutProof = text.slice(0, cut);
    const attrs = attributes(withoutProof);
    if (attrs.get("c") !== Buffer.from(this.client.gs2, "utf8").toString("base64"))
      throw new ScramFailure("channel binding mismatch");
    if (attrs.get("r") !== this.nonce) throw new ScramFailure("nonce mismatch");
    const proof = Buffer.from(text.slice(cut + 3), "base64");
    const authMessage = `${this.client.bare},${this.serverFirst},${withoutProof}`;
    const signature = hmac(alg, this.secrets.storedKey, authMessage);
    if (proof.length !== signature.length) throw new ScramFailure("bad proof");
    const clientKey = Buffer.alloc(signature.length);
    for (let i = 0; i < signature.length; i++) clientKey[i] = proof[i] ^ signature[i];
    const stored = createHash(alg.hash).update(clientKey).digest();
    if (!timingSafeEqual(stored, this.secrets.storedKey)) throw new ScramFailure("bad proof");
    return `v=${hmac(alg, this.secrets.serverKey, authMessage).toString("base64")}`;
  }
}
