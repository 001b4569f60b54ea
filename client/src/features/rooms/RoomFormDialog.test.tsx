import { screen } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { describe, expect, it } from "vitest";
import { bodyOf, json, mockFetch } from "../../test/http";
import { renderRoute } from "../../test/render";
import { makeRoom } from "../posts/test/fixtures";
import { parseAudience, RoomFormDialog } from "./RoomFormDialog";

describe("parseAudience", () => {
  it("reads region codes and agency names, one per line", () => {
    expect(parseAudience("33\n 33.73 \n\nLembaga Administrasi Negara")).toEqual([
      { kind: "region", code: "33" },
      { kind: "region", code: "33.73" },
      { kind: "agency", name: "Lembaga Administrasi Negara" },
    ]);
  });
});

describe("RoomFormDialog", () => {
  it("creates a restricted room with both languages, an audience and slow mode", async () => {
    const spy = mockFetch({
      "POST /api/rooms": () =>
        json(201, {
          room: makeRoom({
            slug: "forum-jateng",
            name: { id: "Forum Jawa Tengah", en: "Central Java Forum" },
          }),
        }),
    });
    renderRoute(<RoomFormDialog room={null} onClose={() => undefined} />);
    await userEvent.type(screen.getByTestId("room-form-slug"), "forum-jateng");
    await userEvent.type(screen.getByTestId("room-form-name-id"), "Forum Jawa Tengah");
    await userEvent.type(screen.getByTestId("room-form-name-en"), "Central Java Forum");
    await userEvent.click(screen.getByTestId("room-form-visibility-restricted"));
    await userEvent.type(screen.getByTestId("room-form-allowed"), "33");
    await userEvent.clear(screen.getByTestId("room-form-slow"));
    await userEvent.type(screen.getByTestId("room-form-slow"), "30");
    await userEvent.click(screen.getByTestId("room-form-save"));
    expect(await screen.findByText(/telah dibuat/)).toBeInTheDocument();
    expect(bodyOf(spy, "POST /api/rooms")).toMatchObject({
      slug: "forum-jateng",
      name: { id: "Forum Jawa Tengah", en: "Central Java Forum" },
      visibility: "restricted",
      allowedAffiliations: [{ kind: "region", code: "33" }],
      slowModeSeconds: 30,
    });
  });

  it("refuses a bad slug and a restricted room without anyone allowed, sending nothing", async () => {
    const spy = mockFetch({});
    renderRoute(<RoomFormDialog room={null} onClose={() => undefined} />);
    await userEvent.type(screen.getByTestId("room-form-slug"), "Bukan Slug!");
    await userEvent.type(screen.getByTestId("room-form-name-id"), "Forum");
    await userEvent.type(screen.getByTestId("room-form-name-en"), "Forum");
    await userEvent.click(screen.getByTestId("room-form-visibility-restricted"));
    await userEvent.click(screen.getByTestId("room-form-save"));
    expect(await screen.findByText("Formatnya belum sesuai.")).toBeInTheDocument();
    expect(spy).not.toHaveBeenCalled();
  });
});
