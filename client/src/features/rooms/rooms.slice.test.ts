import { describe, expect, it } from "vitest";
import { useStore } from "../../store";
import { apiError, json, mockFetch } from "../../test/http";
import { roomSelectors } from "./rooms.slice";

const state = () => useStore.getState();

describe("rooms slice", () => {
  it("normalises rooms by id and slug, skipping entries it cannot read", async () => {
    mockFetch({
      "GET /api/rooms": () =>
        json(200, {
          rooms: [
            { id: "r1", slug: "pelayanan-publik", name: { id: "Pelayanan Publik", en: "Public Services" }, visibility: "public" },
            { id: "r2", slug: "asn", name: "Manajemen ASN" },
            { slug: "broken" },
          ],
        }),
    });
    await state().loadRooms();
    expect(state().roomsStatus).toBe("ready");
    expect(state().roomOrder).toEqual(["r1", "r2"]);
    expect(roomSelectors.bySlug("asn")(state())?.name).toEqual({ id: "Manajemen ASN", en: "Manajemen ASN" });
  });

  it("fails quietly into an empty list when the endpoint is missing", async () => {
    mockFetch({ "GET /api/rooms": () => apiError(404, "NOT_FOUND") });
    await state().loadRooms();
    expect(state()).toMatchObject({ roomsStatus: "error", roomOrder: [] });
  });
});
