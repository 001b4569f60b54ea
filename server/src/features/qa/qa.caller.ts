import type { Actor } from "../../lib/actor.js";
import type { CommandContext, Transport } from "../../lib/commands/handle.js";
import { notFound, unauthenticated } from "../../lib/errors.js";
import { consume, type LimitName } from "../../lib/rateLimit.js";
import { readGuestCookies, type GuestRef } from "./qa.guestCookie.js";
import { isGuest, qaCaller } from "./qa.guests.js";
import { Poll } from "./poll.model.js";
import { Question } from "./question.model.js";

/**
 * Who acts in a Q&A command, for both transports: the signed-in member, else the guest this
 * device joined the command's session as. Commands on a question or a poll learn its session
 * first; that link never changes, so it is remembered (bounded) and costs nothing in a vote storm.
 */
const MAX_LINKS = 50_000;
const sessionOf = new Map<string, string>();

function remember(id: string, sessionId: string): string {
  if (sessionOf.size >= MAX_LINKS) sessionOf.clear();
  sessionOf.set(id, sessionId);
  return sessionId;
}

/** The session a question belongs to (404 for an unknown question). */
export async function sessionOfQuestion(questionId: string): Promise<string> {
  const hit = sessionOf.get(questionId);
  if (hit) return hit;
  const q = await Question.findById(questionId, { session: 1 }).lean();
  if (!q) throw notFound("Question");
  return remember(questionId, q.session.toString());
}

/** The session a poll belongs to (404 for an unknown poll). */
export async function sessionOfPoll(pollId: string): Promise<string> {
  const hit = sessionOf.get(pollId);
  if (hit) return hit;
  const p = await Poll.findById(pollId, { session: 1 }).lean();
  if (!p) throw notFound("Poll");
  return remember(pollId, p.session.toString());
}

/** The guest participations this call carries: the signed cookies (REST) or the handshake's (socket). */
export function guestRefsOf(transport: Transport): readonly GuestRef[] {
  return transport.kind === "http"
    ? readGuestCookies(transport.req.headers)
    : (transport.socket.data.qaGuests ?? []);
}

/** The address a guest's address budget is kept under. */
export function addressOf(transport: Transport): string {
  return transport.kind === "http" ? (transport.req.ip ?? "unknown") : transport.socket.data.address;
}

/** The caller in `sessionId`: the member, else the guest this device joined it as, else null. */
export function callerIn(ctx: CommandContext, sessionId: string): Promise<Actor | null> {
  return qaCaller(ctx.actor, guestRefsOf(ctx.transport), sessionId);
}

/**
 * The participant acting in `sessionId` (401 without one), charged for the command. REST spends the
 * budget here (`spend`); a socket already spent it per device when the call arrived, so a guest
 * only adds its address's.
 */
export async function actingIn(ctx: CommandContext, sessionId: string, budget: LimitName): Promise<Actor> {
  const who = await callerIn(ctx, sessionId);
  if (!who) throw unauthenticated();
  const address = addressOf(ctx.transport);
  if (ctx.transport.kind === "http") await spend(budget, who, address);
  else if (isGuest(who)) await consume("qaGuestAddress", `ip:${address}`);
  return who;
}

/**
 * Spend a Q&A budget for whoever acts: a member's own, or for a guest both the device's and its
 * address's (so neither a device nor an address can flood a session).
 */
async function spend(name: LimitName, caller: Actor | null, address: string): Promise<void> {
  if (isGuest(caller)) {
    await consume(name, `guest:${caller.id}`);
    await consume("qaGuestAddress", `ip:${address}`);
    return;
  }
  await consume(name, caller ? caller.id : `ip:${address}`);
}
