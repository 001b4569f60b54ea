import { describe, expect, it } from "vitest";
import { JoinCode, QuestionCreateInput, QuestionModerateInput, QaSessionCreateInput } from "./qa.js";

describe("Q&A schemas", () => {
  it("accepts each moderation action with exactly what it needs", () => {
    expect(QuestionModerateInput.safeParse({ action: "approve" }).success).toBe(true);
    expect(QuestionModerateInput.safeParse({ action: "dismiss", reason: "Sudah dijawab" }).success).toBe(
      true,
    );
    expect(QuestionModerateInput.safeParse({ action: "answer" }).success).toBe(true);
    expect(QuestionModerateInput.safeParse({ action: "answer", answer: "Ya" }).success).toBe(true);
    expect(QuestionModerateInput.safeParse({ action: "merge", intoId: "a".repeat(24) }).success).toBe(true);
  });

  it("rejects a dismissal without a reason, a merge without a target and unknown actions", () => {
    expect(QuestionModerateInput.safeParse({ action: "dismiss" }).success).toBe(false);
    expect(QuestionModerateInput.safeParse({ action: "merge" }).success).toBe(false);
    expect(QuestionModerateInput.safeParse({ action: "delete" }).success).toBe(false);
    expect(QuestionModerateInput.safeParse({ action: "approve", reason: { $ne: 1 } }).success).toBe(false);
  });

  it("trims questions and requires a client id", () => {
    const q = QuestionCreateInput.parse({ text: "  Berapa biayanya?  ", clientId: "abcdefgh12" });
    expect(q.text).toBe("Berapa biayanya?");
    expect(QuestionCreateInput.safeParse({ text: "Berapa biayanya?" }).success).toBe(false);
    expect(QuestionCreateInput.safeParse({ text: "a", clientId: "abcdefgh12" }).success).toBe(false);
  });

  it("normalises join codes and refuses look-alike characters", () => {
    expect(JoinCode.parse(" kp7m2x ")).toBe("KP7M2X");
    expect(JoinCode.safeParse("KP0M2X").success).toBe(false);
    expect(JoinCode.safeParse("KP7M2").success).toBe(false);
  });

  it("needs the moderated and anonymous flags to create a session", () => {
    expect(
      QaSessionCreateInput.safeParse({ title: "Tanya jawab", moderated: true, allowAnonymous: false })
        .success,
    ).toBe(true);
    expect(QaSessionCreateInput.safeParse({ title: "Tanya jawab" }).success).toBe(false);
  });
});
