import type { SearchResponse } from "@rembuk/shared";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { makeAdmin, signedIn, type MadeUser } from "../../test/factories.js";
import { Agent } from "../../test/http.js";
import { startTestServer, type TestServer } from "../../test/testServer.js";
import { clientId, makeRoom, makeThread } from "../rooms/forum.fixtures.js";
import { createPost } from "../posts/post.service.js";

/**
 * Acceptance 2 and 3 of issue 13: over REST, each reader finds exactly what the rest of the API lets
 * them see (results, snippets, counts, suggestions), and every change shows in the next search.
 */
let server: TestServer;
let admin: MadeUser;
type Signed = MadeUser & { agent: Agent };
let moderator: Signed;
let author: Signed;
let member: Signed;
let insider: Signed;
let outsider: Signed;
let guest: Agent;
let open: string;
let restricted: string;
let premod: string;

beforeAll(async () => {
  server = await startTestServer();
  admin = await makeAdmin();
  moderator = await signedIn(server, "moderator", { name: "Moderator Uji" });
  // Unverified: their replies in a pre-moderated room wait in the queue.
  author = await signedIn(server, "member", { name: "Penulis Uji" });
  member = await signedIn(server, "member", { name: "Anggota Lain" });
  insider = await signedIn(server, "member", {
    name: "Orang Dalam",
    affiliation: { kind: "region", code: "33.73" },
    verified: true,
  });
  outsider = await signedIn(server, "member", {
    name: "Orang Luar",
    affiliation: { kind: "region", code: "73.06" },
    verified: true,
  });
  guest = new Agent(server.url);
  open = (await makeRoom(admin.actor)).slug;
  restricted = (
    await makeRoom(admin.actor, {
      visibility: "restricted",
      allowedAffiliations: [{ kind: "region", code: "33" }],
    })
  ).slug;
  premod = (await makeRoom(admin.actor, { preModerated: true })).slug;
});
afterAll(() => server?.close());

const search = async (who: Agent, q: string, extra = "") => {
  const res = await who.get<SearchResponse>(`/api/search?q=${encodeURIComponent(q)}${extra}`);
  expect(res.status).toBe(200);
  return res;
};
const suggestText = async (who: Agent, q: string) =>
  (await who.get(`/api/search/suggest?q=${encodeURIComponent(q)}`)).text;
const total = (r: SearchResponse) => Object.values(r.counts).reduce((a, b) => a + (b ?? 0), 0);

/**
 * Whether `who` finds `word` in forum content: results, snippets and counts agree. (Regions whose
 * names begin with the word, such as Manggarai for "mangga", are found by the typed prefix: not content.)
 */
async function finds(who: Agent, word: string): Promise<boolean> {
  const res = await search(who, word);
  const content = res.body.results.filter((r) => r.kind !== "region");
  const inResults = JSON.stringify(content).toLowerCase().includes(word);
  expect(inResults).toBe(content.length > 0);
  expect(total(res.body) - (res.body.counts.region ?? 0) > 0).toBe(inResults);
  return inResults;
}

async function reply(by: Signed, threadId: string, body: string) {
  const res = await by.agent.post<{ post: { id: string } }>(`/api/threads/${threadId}/posts`, {
    body,
    clientId: clientId(),
  });
  expect(res.status).toBe(201);
  return res.body.post.id;
}
const moderatePost = async (postId: string, action: string) =>
  expect(
    (await moderator.agent.post(`/api/posts/${postId}/moderate`, { action, reason: "uji" })).status,
  ).toBe(200);

describe("never a leak", () => {
  it("a restricted room's threads and posts: its verified members and moderators only", async () => {
    const thread = await makeThread(insider.actor, restricted, {
      title: "Rapat merbabu tertutup",
      body: "Isi merbabu.",
    });
    await createPost(insider.actor, thread.id, { body: "Balasan merbabu rahasia", clientId: clientId() });
    for (const who of [insider.agent, moderator.agent]) expect(await finds(who, "merbabu")).toBe(true);
    for (const who of [guest, member.agent, outsider.agent]) {
      expect(await finds(who, "merbabu")).toBe(false);
      expect(await suggestText(who, "merbab")).not.toContain("merbabu");
      expect((await search(who, "", `&room=${restricted}`)).body.results).toEqual([]);
    }
    expect(await suggestText(insider.agent, "merbab")).toContain("Rapat merbabu tertutup");
    // The room itself is a search result only for those who may enter it.
    expect((await search(outsider.agent, "", `&kind=room`)).text).not.toContain(restricted);
    expect((await search(insider.agent, "", `&kind=room`)).text).toContain(restricted);
  });

  it("queued, hidden, rejected and deleted posts", async () => {
    const thread = await makeThread(moderator.actor, premod, { title: "Utas pra-moderasi" });
    const queued = await reply(author, thread.id, "Usulan kenanga menunggu");
    const rejected = await reply(author, thread.id, "Usulan anggrek ditolak");
    await moderatePost(rejected, "reject");
    const pub = await makeThread(moderator.actor, open, { title: "Utas terbuka" });
    const hidden = await reply(author, pub.id, "Komentar melati disembunyikan");
    await moderatePost(hidden, "hide");
    const deleted = await reply(author, pub.id, "Komentar cempaka dihapus");
    expect((await author.agent.delete(`/api/posts/${deleted}`)).status).toBe(200);
    void queued;

    for (const word of ["kenanga", "anggrek", "melati"]) {
      for (const who of [author.agent, moderator.agent]) expect(await finds(who, word), word).toBe(true);
      for (const who of [guest, member.agent, insider.agent]) {
        expect(await finds(who, word), word).toBe(false);
        expect(await suggestText(who, word.slice(0, 5))).not.toContain(word);
      }
    }
    for (const who of [author.agent, moderator.agent, guest, member.agent])
      expect(await finds(who, "cempaka")).toBe(false);
  });

  it("an anonymous asker stays anonymous; emails are never searchable", async () => {
    const asker = await signedIn(server, "member", { name: "Bambang Penanya" });
    const s = await moderator.agent.post<{ session: { id: string } }>(`/api/rooms/${open}/qa`, {
      title: "Tanya jawab irigasi",
      moderated: false,
      allowAnonymous: true,
    });
    const sessionId = s.body.session.id;
    expect((await moderator.agent.post(`/api/qa/${sessionId}/status`, { status: "live" })).status).toBe(200);
    const q = await asker.agent.post<{ question: { id: string } }>(`/api/qa/${sessionId}/questions`, {
      text: "Bagaimana pembagian air dahlia di hilir?",
      anonymous: true,
      clientId: clientId(),
    });
    expect(q.status).toBe(201);
    const answered = await moderator.agent.post(`/api/questions/${q.body.question.id}/moderate`, {
      action: "answer",
      answer: "Jadwal bergilir per blok.",
    });
    expect(answered.status).toBe(200);
    // Not while the session is live: only archived sessions' questions are searchable.
    expect((await search(guest, "dahlia", "&kind=question")).body.results).toEqual([]);
    expect((await moderator.agent.post(`/api/qa/${sessionId}/status`, { status: "ended" })).status).toBe(200);

    const found = await search(guest, "dahlia", "&kind=question");
    expect(found.body.results).toHaveLength(1);
    expect(found.body.results[0]).toMatchObject({ kind: "question", url: `/qa/${sessionId}` });
    for (const who of [guest, moderator.agent, asker.agent]) {
      const res = await search(who, "dahlia");
      expect(res.text).not.toContain(asker.id);
      expect(res.text).not.toContain("Bambang");
      expect((await search(who, "", `&author=${asker.id}&kind=question`)).body.results).toEqual([]);
    }

    for (const who of [guest, member.agent, moderator.agent]) {
      const byEmail = await search(who, asker.email);
      expect(byEmail.text).not.toContain(asker.email);
      expect(byEmail.body.results.filter((r) => r.kind === "person" && r.id === asker.id)).toEqual([]);
      expect(await suggestText(who, asker.email)).not.toContain(asker.email);
    }
  });
});

/**
 * Indexing happens inside the write (before its answer), so the very next search must reflect it:
 * no waiting, no retry; that is stricter than "within a second" and needs no clock.
 */
async function eventually(check: () => Promise<boolean>) {
  expect(await check()).toBe(true);
}

describe("fresh", () => {
  it("write, edit, hide, delete, move and approve show in the next search", async () => {
    const thread = await makeThread(moderator.actor, open, { title: "Utas kesegaran" });
    const post = await reply(author, thread.id, "Panen kelapa melimpah");
    await eventually(async () => finds(guest, "kelapa"));

    expect((await author.agent.patch(`/api/posts/${post}`, { body: "Panen durian melimpah" })).status).toBe(
      200,
    );
    await eventually(async () => (await finds(guest, "durian")) && !(await finds(guest, "kelapa")));

    await moderatePost(post, "hide");
    await eventually(async () => !(await finds(guest, "durian")));

    const other = await reply(author, thread.id, "Harga mangga naik");
    await eventually(async () => finds(guest, "mangga"));
    expect((await author.agent.delete(`/api/posts/${other}`)).status).toBe(200);
    await eventually(async () => !(await finds(guest, "mangga")));

    const moving = await makeThread(moderator.actor, open, {
      title: "Utas pindah rambutan",
      body: "Tentang rambutan.",
    });
    await createPost(moderator.actor, moving.id, { body: "Balasan rambutan", clientId: clientId() });
    await eventually(async () => finds(guest, "rambutan"));
    const moved = await moderator.agent.post(`/api/threads/${moving.id}/moderate`, {
      action: "move",
      roomSlug: restricted,
    });
    expect(moved.status).toBe(200);
    await eventually(
      async () => !(await finds(guest, "rambutan")) && (await finds(insider.agent, "rambutan")),
    );
    const r = await search(insider.agent, "rambutan");
    expect(r.body.results.every((x) => x.roomSlug === restricted)).toBe(true);
    expect(r.body.counts).toMatchObject({ thread: 1, post: 1 });

    const premodThread = await makeThread(moderator.actor, premod, { title: "Utas persetujuan" });
    const waiting = await reply(author, premodThread.id, "Usul salak manis");
    expect(await finds(guest, "salak")).toBe(false);
    await moderatePost(waiting, "approve");
    await eventually(async () => finds(guest, "salak"));
  });
});
