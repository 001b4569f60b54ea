import { screen, waitFor, within } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import type { HomeDto } from "@rembuk/shared";
import { apiError, json, mockFetch } from "../../../test/http";
import { makeUser } from "../../../test/fixtures";
import { renderRoute } from "../../../test/render";
import { setSendTransport } from "../../../lib/send";
import { useStore } from "../../../store";
import { makeRoom, makeThread, ROOM_ID } from "../../posts/test/fixtures";
import { makePracticeThread } from "../../practices/test/fixtures";
import { HomePage } from "../HomePage";

const user = makeUser({ affiliation: { kind: "region", code: "35.10" } });

const HOME: HomeDto = {
  unread: {
    threads: [makeThread({ id: "t1", title: "Antrean puskesmas pagi", unreadCount: 3, lastReadSeq: 1 })],
    total: 1,
  },
  followUps: [
    {
      questionId: "c00000000000000000000q01".replace("q", "a"),
      body: "Berapa biaya pemeliharaan aplikasinya per tahun?",
      sessionId: "c00000000000000000000501",
      sessionTitle: "Tanya jawab Smart Kampung",
      roomSlug: "inovasi-pelayanan-publik",
      dueAt: "2026-01-15T00:00:00.000Z",
    },
  ],
  similar: [makePracticeThread({ id: "p9", title: "Rujukan daring terpadu" })],
};

const REGION = {
  region: { code: "35.10", name: "Kabupaten Banyuwangi", provinceCode: "35", kind: "kabupaten" },
  province: null,
  practices: [],
  adoptions: [],
  people: [],
  verifiedPeople: [],
  unverifiedPeople: [],
  totals: { practices: 0, adoptionsBy: 0, adoptionsOf: 0, people: 0, peopleVerified: 0 },
};

beforeEach(() => {
  setSendTransport({ connected: () => false, emitWithAck: () => Promise.reject(new Error("offline")) });
  useStore.setState({
    currentUserId: user.id,
    sessionStatus: "signedIn",
    usersById: { [user.id]: user },
  });
  useStore
    .getState()
    .internal_receiveRooms([makeRoom({ name: { id: "Inovasi Pelayanan", en: "Service Innovation" } })]);
});

afterEach(() => vi.useRealTimers());

describe("the signed-in home", () => {
  it("shows unread threads by room, Q&A, follow-ups owed, the region and similar practices", async () => {
    mockFetch({
      "GET /api/home": () => json(200, { home: HOME }),
      "GET /api/qa": () => json(200, { sessions: [] }),
      "GET /api/regions/35.10": () => json(200, REGION),
    });
    // Only the date is faked (timers stay real for the page's requests): the follow-up is past due.
    vi.useFakeTimers({ toFake: ["Date"] });
    vi.setSystemTime(new Date("2026-02-01T00:00:00.000Z"));
    renderRoute(<HomePage />);
    const unread = await screen.findByTestId("home-unread");
    expect(unread).toHaveTextContent("Antrean puskesmas pagi");
    expect(screen.getByTestId("home-unread-section")).toHaveTextContent("Inovasi Pelayanan");
    expect(screen.getByTestId("home-followup")).toHaveTextContent("Berapa biaya pemeliharaan");
    expect(screen.getByTestId("home-followup")).toHaveTextContent("Lewat tenggat");
    expect(
      within(screen.getByTestId("home-similar-list")).getByText("Rujukan daring terpadu"),
    ).toBeInTheDocument();
    expect(await screen.findByText("Wilayah Anda: Kabupaten Banyuwangi")).toBeInTheDocument();
    expect(screen.getByText("Tidak ada sesi yang berlangsung atau terjadwal.")).toBeInTheDocument();
    expect(screen.queryByTestId("home-register")).not.toBeInTheDocument();
  });

  it("marks everything read and says so", async () => {
    const spy = mockFetch({
      "GET /api/home": () => json(200, { home: HOME }),
      "GET /api/qa": () => json(200, { sessions: [] }),
      "GET /api/regions/35.10": () => json(200, REGION),
      "POST /api/threads/read-all": () => json(200, { readAllAt: "2026-02-01T00:00:00.000Z" }),
    });
    renderRoute(<HomePage />);
    await userEvent.setup().click(await screen.findByTestId("home-read-all"));
    expect(await screen.findByTestId("home-unread-empty")).toHaveTextContent("Anda sudah membaca semuanya.");
    expect(spy.mock.calls.some(([url]) => String(url).endsWith("/api/threads/read-all"))).toBe(true);
    expect(useStore.getState().threadsById.t1?.unreadCount).toBe(0);
    expect(useStore.getState().roomsById[ROOM_ID]?.unreadThreads ?? 0).toBe(0);
  });

  it("offers a retry when the home cannot load, and points someone without a region to their profile", async () => {
    useStore.setState({ usersById: { [user.id]: { ...user, affiliation: null } } });
    let fail = true;
    mockFetch({
      "GET /api/home": () => (fail ? apiError(503, "UNAVAILABLE") : json(200, { home: HOME })),
      "GET /api/qa": () => json(200, { sessions: [] }),
    });
    renderRoute(<HomePage />);
    const retry = await screen.findByRole("button", { name: "Coba lagi" });
    fail = false;
    await userEvent.setup().click(retry);
    await waitFor(() => expect(screen.getByTestId("home-unread")).toBeInTheDocument());
    expect(screen.getByTestId("home-region")).toHaveTextContent("Lengkapi profil");
  });

  it("stays the introduction for guests", () => {
    useStore.setState({ currentUserId: null, sessionStatus: "guest" });
    mockFetch({
      "GET /api/rooms": () => json(200, { rooms: [] }),
      "GET /api/moderation/featured": () => json(200, { threads: [] }),
    });
    renderRoute(<HomePage />);
    expect(screen.getByTestId("home-register")).toBeInTheDocument();
    expect(screen.queryByTestId("home-signed-in")).not.toBeInTheDocument();
  });
});
