import type { QaSessionDto } from "@rembuk/shared";
import { publish } from "../../lib/realtime/publish.js";
import { rooms } from "../../lib/realtime/rooms.js";
import { loadPeople } from "./qa.people.js";
import { isPublicStatus, peopleOf, presentQuestion, type PresentableQuestion } from "./qa.presenter.js";

/**
 * Who hears about a question change, and in which shape:
 * - the room's moderators and staff (`qaMod` room) always, with the author shown;
 * - hosts who are not moderators (`qaHost` room) always, an anonymous author not shown;
 * - participants (`qa` room) only when the question is or was public, never with an anonymous author;
 * - the author's own sockets (`user` room), with `mine` and any dismissal reason.
 * Each socket joins exactly one of `qaMod`, `qaHost`, `qa`, so nobody gets two shapes of one change.
 */
export async function publishQuestion(
  event: "qa:question:created" | "qa:question:updated",
  q: PresentableQuestion,
  wasPublic = false,
): Promise<void> {
  const sessionId = q.session.toString();
  const people = await loadPeople(peopleOf(q));
  publish(rooms.qaMod(sessionId), event, {
    question: presentQuestion(q, { kind: "moderator", viewerId: null, seesAnonymous: true }, people),
  });
  publish(rooms.qaHost(sessionId), event, {
    question: presentQuestion(q, { kind: "moderator", viewerId: null, seesAnonymous: false }, people),
  });
  if (isPublicStatus(q.status) || wasPublic) {
    publish(rooms.qa(sessionId), event, {
      question: presentQuestion(q, { kind: "participant", viewerId: null }, people),
    });
  }
  publish(rooms.user(q.author.toString()), event, {
    question: presentQuestion(q, { kind: "author" }, people),
  });
}

export function publishSession(session: QaSessionDto): void {
  publish([rooms.qa(session.id), rooms.qaHost(session.id), rooms.qaMod(session.id)], "qa:session:updated", {
    session,
  });
}
