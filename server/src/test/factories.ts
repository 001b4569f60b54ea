import { randomBytes } from "node:crypto";
import type { Role } from "@rembuk/shared";
import type { Actor } from "../lib/actor.js";
import { toActor } from "../features/users/user.actor.js";
import { User, type UserRecord } from "../features/users/user.model.js";
import { createUser, type NewUser } from "../features/users/user.service.js";
import { Agent } from "./http.js";
import type { TestServer } from "./testServer.js";

export const TEST_PASSWORD = "kata-sandi-uji-123";

export interface MadeUser {
  user: UserRecord;
  actor: Actor;
  id: string;
  email: string;
  password: string;
}

/** A unique, valid email for this test run. */
export function uniqueEmail(prefix = "pengguna"): string {
  return `${prefix}.${randomBytes(5).toString("hex")}@uji.rembuk.id`;
}

/**
 * A user created directly through the service (no HTTP), with any role and state. Suspension is
 * applied with a direct update because it is not part of account creation.
 */
export async function makeUser(
  overrides: Partial<NewUser> & { suspendedUntil?: Date; suspendReason?: string } = {},
): Promise<MadeUser> {
  const { suspendedUntil, suspendReason, ...rest } = overrides;
  const email = rest.email ?? uniqueEmail(rest.role ?? "member");
  const password = rest.password ?? TEST_PASSWORD;
  let user = await createUser({ name: "Pengguna Uji", emailConfirmed: true, ...rest, email, password });
  if (suspendedUntil) {
    const updated = await User.findByIdAndUpdate(
      user._id,
      { $set: { suspendedUntil, suspendReason: suspendReason ?? "Pelanggaran aturan forum" } },
      { returnDocument: "after" },
    ).lean();
    if (!updated) throw new Error("user vanished");
    user = updated;
  }
  return { user, actor: toActor(user), id: user._id.toString(), email, password };
}

export const makeMember = (o: Partial<NewUser> = {}) => makeUser({ ...o, role: "member" });
export const makeModerator = (o: Partial<NewUser> = {}) =>
  makeUser({ name: "Moderator Uji", ...o, role: "moderator" });
export const makeAdmin = (o: Partial<NewUser> = {}) => makeUser({ name: "Admin Uji", ...o, role: "admin" });

/** Sign `made` in over HTTP and return the agent holding the session cookie. */
export async function signIn(server: TestServer, made: Pick<MadeUser, "email" | "password">): Promise<Agent> {
  const agent = new Agent(server.url);
  const res = await agent.post("/api/auth/login", { email: made.email, password: made.password });
  if (res.status !== 200) throw new Error(`login failed: ${res.status} ${res.text}`);
  return agent;
}

/** A new user of `role`, already signed in: `{agent, ...made}`. */
export async function signedIn(server: TestServer, role: Role = "member", o: Partial<NewUser> = {}) {
  const made = await makeUser({ ...o, role });
  return { ...made, agent: await signIn(server, made) };
}
