import argon2 from "argon2";

/**
 * argon2id with OWASP's minimum recommended cost (19 MiB, 2 passes, 1 lane): about 20–40 ms per
 * hash on a server core, which bounds login throughput while keeping offline guessing expensive.
 * Parameters are stored in each hash, so raising them later only affects new hashes.
 */
const OPTIONS = { type: argon2.argon2id, memoryCost: 19_456, timeCost: 2, parallelism: 1 } as const;

export function hashPassword(password: string): Promise<string> {
  return argon2.hash(password, OPTIONS);
}

export async function verifyPassword(hash: string, password: string): Promise<boolean> {
  try {
    return await argon2.verify(hash, password);
  } catch {
    // A corrupt or foreign hash is a failed login, not a server error.
    return false;
  }
}

let dummyHash: Promise<string> | null = null;

/**
 * Spend the same work as a real verification when the account does not exist, so response time
 * does not reveal which emails are registered.
 */
export async function burnPasswordCheck(password: string): Promise<void> {
  dummyHash ??= hashPassword("rembuk-no-such-account");
  await verifyPassword(await dummyHash, password);
}
