import { userCommands, verificationCommands } from "@rembuk/shared";
import { handle, reply } from "../../lib/commands/handle.js";
import { getUser, listUsers, suspendUser, unsuspendUser, updateUser } from "./user.service.js";
import {
  decideRequest,
  latestRequest,
  listRequests,
  requestVerification,
  revokeVerification,
} from "./verification.service.js";

/** People and their verification (shared/src/commands/users.ts) bound to their services. */
export const userHandlers = [
  handle(userCommands.list, async (query, { actor }) => listUsers(actor, query)),
  handle(userCommands.get, async ({ id }, { actor }) => ({ user: await getUser(actor, id) })),
  handle(userCommands.update, async ({ id, ...patch }, { member }) => ({
    user: await updateUser(member(), id, patch),
  })),
  handle(userCommands.suspend, async ({ id, ...input }, { member }) => ({
    user: await suspendUser(member(), id, input),
  })),
  handle(userCommands.unsuspend, async ({ id }, { member }) => ({ user: await unsuspendUser(member(), id) })),
];

export const verificationHandlers = [
  handle(verificationCommands.request, async ({ id, ...input }, { member }) =>
    reply(201, { request: await requestVerification(member(), id, input) }),
  ),
  handle(verificationCommands.latest, async ({ id }, { actor }) => ({
    request: await latestRequest(actor, id),
  })),
  handle(verificationCommands.revoke, async ({ id, ...input }, { member }) => ({
    user: await revokeVerification(member(), id, input),
  })),
  handle(verificationCommands.list, async (query, { actor }) => ({
    requests: await listRequests(actor, query),
  })),
  handle(verificationCommands.decide, async ({ id, ...input }, { member }) =>
    decideRequest(member(), id, input),
  ),
];
