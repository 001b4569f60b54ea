import type { PollDto, QuestionDto } from "@rembuk/shared";
import type { RealtimeSocket } from "../../lib/socket";
import type { useStore } from "../../store";

/**
 * Q&A's socket events → store. After every (re)connect the sessions this tab follows are joined
 * again, which answers with a fresh snapshot: whatever happened while offline is simply replaced.
 * The asker hears about their own question's fate (approved, or dismissed with the reason).
 */
export function bindQaSocket(socket: RealtimeSocket, store: typeof useStore): () => void {
  const onQuestion = ({ question }: { question: QuestionDto }) => {
    const state = store.getState();
    const before = state.qaQuestionsBySession[question.sessionId]?.[question.id];
    state.internal_qaQuestion(question);
    const mine = question.mine || state.qaMine[question.id];
    if (!mine || !before || before.status === question.status) return;
    if (question.status === "dismissed")
      state.pushToast({
        tone: "error",
        message: "qa.toast.dismissed",
        params: { reason: question.dismissReason ?? "" },
      });
    else if (question.status === "approved" && before.status === "pending")
      state.pushToast({ tone: "success", message: "qa.toast.approved" });
  };
  const onVotes = (batch: Parameters<ReturnType<typeof store.getState>["internal_qaVotes"]>[0]) =>
    store.getState().internal_qaVotes(batch);
  const onSession = ({ session }: { session: unknown }) => store.getState().internal_qaSession(session);
  const onConnect = () => store.getState().internal_qaRejoinAll();
  const onPoll = ({ poll }: { poll: PollDto }) => store.getState().internal_qaPoll(poll);

  socket.on("qa:question:created", onQuestion);
  socket.on("qa:question:updated", onQuestion);
  socket.on("qa:votes:updated", onVotes);
  socket.on("qa:session:updated", onSession);
  socket.on("connect", onConnect);
  socket.on("qa:poll:updated", onPoll);
  return () => {
    socket.off("qa:poll:updated", onPoll);
    socket.off("qa:question:created", onQuestion);
    socket.off("qa:question:updated", onQuestion);
    socket.off("qa:votes:updated", onVotes);
    socket.off("qa:session:updated", onSession);
    socket.off("connect", onConnect);
  };
}
