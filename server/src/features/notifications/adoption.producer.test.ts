import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { NotificationList } from "@rembuk/shared";
import { makeAdmin, signedIn, type MadeUser } from "../../test/factories.js";
import type { Agent } from "../../test/http.js";
import { startTestServer, type TestServer } from "../../test/testServer.js";
import { clientId, makeRoom } from "../rooms/forum.fixtures.js";
import { makePractice } from "../practices/practice.fixtures.js";
import { advanceAdoption, createAdoption } from "../practices/index.js";
import { createPost } from "../posts/index.js";

let server: TestServer;
let admin: MadeUser;
type Person = MadeUser & { agent: Agent };
let author: Person;
let adopter: Person;
let bystander: Person;
let roomSlug: string;

beforeAll(async () => {
  server = await startTestServer();
  admin = await makeAdmin();
  roomSlug = (await makeRoom(admin.actor)).slug;
  const region = (code: string, name: string) =>
    signedIn(server, "member", { name, affiliation: { kind: "region", code }, verified: true });
  [author, adopter, bystander] = await Promise.all([
    region("33.73", "Penulis Praktik"),
    region("73.06", "Pengadopsi"),
    region("35.10", "Pengamat"),
  ]);
});
afterAll(() => server?.close());

const settle = () => server.rembuk.notifyWorker!.drain();
const inbox = async (p: Person) =>
  (await p.agent.get<NotificationList>("/api/notifications")).body.notifications;

describe("adoption notifications", () => {
  it("the author hears of each step; adopters hear of comments and edits; nobody else", async () => {
    const practice = await makePractice(author.actor, roomSlug);
    const adoption = await createAdoption(adopter.actor, practice.id, { stage: "interested" });
    await advanceAdoption(adopter.actor, adoption.id, { stage: "piloting" });
    await settle();
    const steps = (await inbox(author)).filter((n) => n.kind === "adoption");
    expect(steps.map((n) => n.detail)).toEqual(["adoption.piloting", "adoption.interested"]);
    expect(steps[0]).toMatchObject({
      actor: { id: adopter.id },
      target: { type: "adoption", id: adoption.id, url: `/practices/${practice.id}` },
    });

    await createPost(author.actor, practice.id, { body: "Pembaruan dari kami", clientId: clientId() });
    const edit = await author.agent.patch(`/api/practices/${practice.id}`, {
      practice: {
        problem: "Antrean rujukan yang panjang di puskesmas membuat pasien menunggu berhari-hari.",
      },
    });
    expect(edit.status).toBe(200);
    await settle();
    const theirs = (await inbox(adopter)).filter((n) => n.kind === "adoption");
    expect(theirs.map((n) => n.detail).sort()).toEqual(["practice.comment", "practice.edit"]);
    expect(await inbox(bystander)).toEqual([]);
  });
});
