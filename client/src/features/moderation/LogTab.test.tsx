import { act, screen, within } from "@testing-library/react";
import { describe, expect, it } from "vitest";
import type { ModActionDto } from "@rembuk/shared";
import { useStore } from "../../store";
import { json, mockFetch } from "../../test/http";
import { renderRoute } from "../../test/render";
import { makeRoom } from "../posts/test/fixtures";
import { LogTab } from "./LogTab";

const room = makeRoom();

function entry(o: Partial<ModActionDto>): ModActionDto {
  return {
    id: "e".repeat(24),
    action: "thread.lock",
    actor: null,
    targetType: "thread",
    targetId: "a".repeat(24),
    targetLabel: "Rujukan daring",
    roomId: room.id,
    roomSlug: room.slug,
    threadId: "a".repeat(24),
    reason: null,
    before: { locked: false },
    after: { locked: true },
    createdAt: "2026-03-01T02:00:00.000Z",
    ...o,
  };
}

const ENTRIES = [
  entry({}),
  entry({
    id: "f".repeat(24),
    action: "thread.move",
    before: { roomId: room.id },
    after: { roomId: "b".repeat(24), roomSlug: room.slug },
  }),
  entry({
    id: "1".repeat(24),
    action: "post.hide",
    before: { status: "published" },
    after: { status: "hidden" },
  }),
  entry({
    id: "2".repeat(24),
    action: "user.role",
    before: { role: "member" },
    after: { role: "moderator" },
  }),
];

function setup() {
  useStore.setState({
    roomsById: { [room.id]: room },
    roomOrder: [room.id],
    roomIdBySlug: { [room.slug]: room.id },
  });
  mockFetch({
    "GET /api/moderation/log": () => json(200, { entries: ENTRIES, nextCursor: null }),
    "GET /api/moderation/moderators": () => json(200, { users: [] }),
  });
  renderRoute(<LogTab />);
}

describe("LogTab", () => {
  it("shows action, field names and values in Indonesian, never the raw ones", async () => {
    setup();
    const rows = await screen.findAllByTestId("log-entry");
    expect(rows).toHaveLength(4);
    expect(rows[0]).toHaveTextContent("Dikunci");
    expect(rows[0]).toHaveTextContent("tidak → ya");
    expect(within(rows[1]).getByText("Ruang")).toBeInTheDocument();
    expect(rows[1]).toHaveTextContent("Inovasi Pelayanan Publik → Inovasi Pelayanan Publik");
    expect(rows[2]).toHaveTextContent("Terbit → Tersembunyi");
    expect(rows[3]).toHaveTextContent("Anggota → Moderator");
    const table = screen.getByTestId("log-table");
    for (const raw of [
      "locked",
      "roomId",
      "roomSlug",
      "status",
      "published",
      "hidden",
      "member",
      "true",
      "false",
    ])
      expect(table).not.toHaveTextContent(new RegExp(`\\b${raw}\\b`));
  });

  it("switches the same words to English", async () => {
    setup();
    await screen.findAllByTestId("log-entry");
    act(() => useStore.getState().internal_adoptLocale("en"));
    const rows = screen.getAllByTestId("log-entry");
    expect(rows[0]).toHaveTextContent("Locked");
    expect(rows[0]).toHaveTextContent("no → yes");
    expect(rows[2]).toHaveTextContent("Published → Hidden");
  });
});
