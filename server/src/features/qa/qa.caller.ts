import type { Request, Response } from "express";
import type { Actor } from "../../lib/actor.js";
import { notFound } from "../../lib/errors.js";
import { actorOf } from "../../lib/http/requireAuth.js";
import { consume, type LimitName } from "../../lib/rateLimit.js";
import type { IoSocket } from "../../lib/realtime/defineHandler.js";
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

export const guestRefs = (req: Request): GuestRef[] => readGuestCookies(req.headers);

/** REST: the caller in `sessionId`. */
export function restCaller(req: Request, res: Response, sessionId: string): Promise<Actor | null> {
  return qaCaller(actorOf(res), guestRefs(req), sessionId);
}

/** Socket: the caller in `sessionId` (`member` is what defineHandler loaded for the socket's user). */
export function socketCaller(
  socket: IoSocket,
  member: Actor | null,
  sessionId: string,
): Promise<Actor | null> {
  return qaCaller(member, socket.data.qaGuests ?? [], sessionId);
}

/**
 * Spend a Q&A budget for whoever acts: a member's own, or for a guest both the device's and its
 * address's (so neither a device nor an address can flood a session).
 */
export async function spend(name: LimitName, caller: Actor | null, address: string): Promise<void> {
  if (isGuest(caller)) {
    await consume(name, `guest:${caller.id}`);
    await consume("qaGuestAddress", `ip:${address}`);
    return;
  }
  await consume(name, caller ? caller.id : `ip:${address}`);
}
