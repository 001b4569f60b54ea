import { randomBytes } from "node:crypto";
import {
  deriveSecrets,
  MECHANISMS,
  type Mechanism,
  type ScramConversation,
  type ScramSecrets,
} from "./scram.js";

export interface Credentials {
  username: string;
  password: string;
}

/** Fresh credentials for one run: a fixed user name and 24 random bytes of password. */
export function randomCredentials(): Credentials {
  return { username: "devdb", password: randomBytes(24).toString("base64url") };
}

/**
 * The users devdb accepts: one `root` user in the `admin` database, as set at start-up. Only
 * SCRAM secrets are kept (salted keys), like `mongod`'s `admin.system.users`.
 */
export class Users {
  private readonly users = new Map<string, Map<Mechanism, ScramSecrets>>();

  constructor(root: Credentials) {
    if (!root.username || !root.password)
      throw new Error("devdb credentials need a user name and a password");
    const secrets = new Map<Mechanism, ScramSecrets>();
    for (const m of MECHANISMS) secrets.set(m, deriveSecrets(m, root.username, root.password));
    this.users.set(key("admin", root.username), secrets);
  }

  /** `saslSupportedMechs` for `db.user`, or undefined when there is no such user. */
  mechanisms(db: string, username: string): Mechanism[] | undefined {
    const u = this.users.get(key(db, username));
    return u ? [...u.keys()] : undefined;
  }

  secrets(db: string, username: string, mechanism: Mechanism): ScramSecrets | undefined {
    return this.users.get(key(db, username))?.get(mechanism);
  }
}

const key = (db: string, user: string): string => `${db}\0${user}`;

/** Per-connection authentication state. */
export class ConnectionAuth {
  user: { user: string; db: string } | null = null;
  conversation: { scram: ScramConversation; db: string; skipEmptyExchange: boolean; step: number } | null =
    null;
}
