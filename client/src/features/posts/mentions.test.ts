import { describe, expect, it } from "vitest";
import { insertMention, mentionCandidates, mentionQuery } from "./mentions";
import { makeAuthor } from "./test/fixtures";

describe("mentions in the composer", () => {
  it("finds the @word being typed and replaces it with the stored markup", () => {
    const text = "Terima kasih @Yul";
    const at = mentionQuery(text, text.length);
    expect(at).toEqual({ start: 13, query: "Yul" });
    const person = makeAuthor({ id: "c00000000000000000000777", name: "Yuliana Pratiwi" });
    expect(mentionCandidates([makeAuthor(), person], "yul")).toEqual([person]);
    expect(at && insertMention(text, at, person)).toEqual({
      text: "Terima kasih @[Yuliana Pratiwi](c00000000000000000000777) ",
      caret: 58,
    });
  });

  it("ignores an @ inside a word (an email address) and offers nobody for an unknown name", () => {
    expect(mentionQuery("kirim ke nama@instansi", 22)).toBeNull();
    expect(mentionCandidates([makeAuthor()], "zzz")).toEqual([]);
  });
});
