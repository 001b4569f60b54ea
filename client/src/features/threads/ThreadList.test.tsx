import { screen, waitFor } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { describe, expect, it } from "vitest";
import { useStore } from "../../store";
import { calls, json, mockFetch } from "../../test/http";
import { renderRoute } from "../../test/render";
import { makeAuthor, makeRoom, makeThread } from "../posts/test/fixtures";
import { MarkRoomRead, ThreadList } from "./ThreadList";

const room = makeRoom();
const threads = [1, 2].map((n) =>
  makeThread({
    id: String(n).repeat(24),
    title: `Utas ${n}`,
    unreadCount: 1,
    lastReadSeq: 0,
    lastSeq: 1,
    author: makeAuthor({ name: "Ipuk Fiestiandani", title: "Bupati Banyuwangi" }),
  }),
);

function setup() {
  useStore.setState({ currentUserId: "u1", sessionStatus: "signedIn" });
  const spy = mockFetch({
    [`GET /api/rooms/${room.slug}/threads`]: () => json(200, { threads, nextCursor: null }),
    [`POST /api/rooms/${room.slug}/read`]: () => json(200, { readAllAt: "2026-03-01T00:00:00.000Z" }),
  });
  renderRoute(
    <>
      <MarkRoomRead room={room} sort="activity" />
      <ThreadList room={room} sort="activity" />
    </>,
  );
  return spy;
}

describe("ThreadList", () => {
  it("shows each author's office beside the name", async () => {
    setup();
    const offices = await screen.findAllByTestId("thread-author-office");
    expect(offices[0]).toHaveTextContent("Bupati Banyuwangi");
  });

  it("marks every thread of the room read at once", async () => {
    const spy = setup();
    expect(await screen.findAllByTestId("thread-unread")).toHaveLength(2);
    await userEvent.setup().click(screen.getByRole("button", { name: "Tandai semua sudah dibaca" }));
    await waitFor(() => expect(screen.queryAllByTestId("thread-unread")).toHaveLength(0));
    expect(calls(spy)).toContain(`POST /api/rooms/${room.slug}/read`);
    expect(screen.queryByTestId("mark-room-read")).toBeNull();
  });
});
