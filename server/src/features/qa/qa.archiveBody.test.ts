import { describe, expect, it } from "vitest";
import type { QaPersonDto } from "@rembuk/shared";
import { archiveBody, archiveTitle, type ArchiveInput } from "./qa.archiveBody.js";

const host: QaPersonDto = {
  id: "h",
  name: "Ipuk Fiestiandani",
  title: "Bupati",
  affiliation: null,
  verified: true,
};

const input: ArchiveInput = {
  title: "Smart Kampung",
  description: "",
  hosts: [host],
  startedAt: new Date("2026-12-31T16:00:00Z"),
  // 23:30 WIB on 31 December: the archive dates the session in Jakarta, whatever the server's zone.
  endedAt: new Date("2026-12-31T16:30:00Z"),
  answered: [{ text: "Berapa desa?", votes: 1, author: null, answer: "189 desa.", followUp: null }],
  unanswered: [
    {
      text: "Siapa yang merawat?",
      votes: 3,
      author: host,
      answer: null,
      followUp: { assignee: host, dueAt: new Date("2027-01-14T16:30:00Z") },
    },
  ],
};

describe("archiveTitle", () => {
  it("never says Q&A twice", () => {
    expect(archiveTitle("Smart Kampung")).toBe("Arsip Tanya Jawab: Smart Kampung");
    expect(archiveTitle("Tanya jawab: Smart Kampung")).toBe("Arsip Tanya Jawab: Smart Kampung");
    expect(archiveTitle("Sesi Tanya-Jawab — Mal Pelayanan Publik")).toBe(
      "Arsip Tanya Jawab: Mal Pelayanan Publik",
    );
    expect(archiveTitle("Tanya Jawab bersama Bupati Banyuwangi: Smart Kampung")).toBe(
      "Arsip: Tanya Jawab bersama Bupati Banyuwangi: Smart Kampung",
    );
    expect(archiveTitle("Q&A: Smart Villages", "en")).toBe("Q&A archive: Smart Villages");
    expect(archiveTitle("Smart Villages Q&A", "en")).toBe("Archive: Smart Villages Q&A");
    expect(archiveTitle("Smart Villages", "en")).toBe("Q&A archive: Smart Villages");
  });

  it("stays within the thread title limit", () => {
    expect(archiveTitle("x".repeat(160)).length).toBeLessThanOrEqual(200);
    expect(archiveTitle("x".repeat(250)).endsWith("…")).toBe(true);
  });
});

describe("archiveBody", () => {
  it("is written in Indonesian for an Indonesian session", () => {
    const body = archiveBody(input, "id");
    expect(body).toContain(
      "Arsip sesi tanya jawab **Smart Kampung** bersama Ipuk Fiestiandani, berakhir 31 Desember 2026.",
    );
    expect(body).toContain("## Pertanyaan yang dijawab");
    expect(body).toContain("_Anonim · 1 suara_");
    expect(body).toContain("penanggung jawab: **Ipuk Fiestiandani**, tenggat 14 Januari 2027");
  });

  it("is written in English for an English session, with nothing Indonesian left", () => {
    const body = archiveBody(input, "en");
    expect(body).toContain(
      "Archive of the Q&A session **Smart Kampung** with Ipuk Fiestiandani, ended 31 December 2026.",
    );
    expect(body).toContain("## Answered questions");
    expect(body).toContain("_Anonymous · 1 vote_");
    expect(body).toContain("## Follow-ups");
    expect(body).toContain("owner: **Ipuk Fiestiandani**, due 14 January 2027");
    for (const word of ["Arsip", "Pertanyaan", "Tindak lanjut", "Anonim", "suara", "tenggat", "bersama"]) {
      expect(body).not.toContain(word);
    }
  });
});
