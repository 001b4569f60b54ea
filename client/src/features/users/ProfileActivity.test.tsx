import { screen, within } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { describe, expect, it } from "vitest";
import { ThreadDto } from "@rembuk/shared";
import { apiError, json, mockFetch } from "../../test/http";
import { renderRoute } from "../../test/render";
import { ProfileActivity } from "./ProfileActivity";

const USER_ID = "64b7f0c2a1b2c3d4e5f60718";

function thread(n: number, extra: Partial<ThreadDto> = {}): ThreadDto {
  const at = new Date(Date.UTC(2026, 10, 20 - n)).toISOString();
  return ThreadDto.parse({
    id: `64b7f0c2a1b2c3d4e5f6${String(1000 + n)}`,
    roomId: "64b7f0c2a1b2c3d4e5f60000",
    roomSlug: "inovasi-pelayanan-publik",
    kind: "discussion",
    title: `Utas nomor ${n}`,
    author: { id: USER_ID, name: "Rina", title: "", affiliation: null, verified: false, role: "member" },
    tags: [],
    pinned: false,
    featured: false,
    locked: false,
    status: "published",
    lastSeq: 3,
    postCount: 3,
    replyCount: 2,
    reactionCount: 0,
    lastActivityAt: at,
    createdAt: at,
    ...extra,
  });
}

const render = () =>
  renderRoute(<ProfileActivity userId={USER_ID} name="Rina" />, {
    path: "/users/:id",
    url: `/users/${USER_ID}`,
  });

describe("ProfileActivity", () => {
  it("lists the person's threads with links and pages on with the cursor", async () => {
    mockFetch({
      [`GET /api/users/${USER_ID}/threads`]: ({ url }) =>
        url.searchParams.get("cursor")
          ? json(200, { threads: [thread(3)], nextCursor: null })
          : json(200, { threads: [thread(1), thread(2, { kind: "practice" })], nextCursor: "next" }),
    });
    render();
    const list = await screen.findByTestId("profile-activity");
    expect(within(list).getByRole("link", { name: "Utas nomor 1" })).toHaveAttribute(
      "href",
      `/threads/${thread(1).id}`,
    );
    expect(within(list).getByText("Praktik baik")).toBeInTheDocument();
    await userEvent.click(screen.getByRole("button", { name: "Tampilkan lebih banyak" }));
    expect(await within(list).findByText("Utas nomor 3")).toBeInTheDocument();
    expect(screen.queryByRole("button", { name: "Tampilkan lebih banyak" })).not.toBeInTheDocument();
  });

  it("shows the empty state when there is nothing to see", async () => {
    mockFetch({ [`GET /api/users/${USER_ID}/threads`]: () => json(200, { threads: [], nextCursor: null }) });
    render();
    expect(await screen.findByText("Belum ada aktivitas")).toBeInTheDocument();
  });

  it("offers a retry when loading fails", async () => {
    let fail = true;
    mockFetch({
      [`GET /api/users/${USER_ID}/threads`]: () =>
        fail ? apiError(500, "INTERNAL") : json(200, { threads: [thread(1)], nextCursor: null }),
    });
    render();
    expect(await screen.findByText("Aktivitas belum dapat dimuat.")).toBeInTheDocument();
    fail = false;
    await userEvent.click(screen.getByRole("button", { name: "Coba lagi" }));
    expect(await screen.findByText("Utas nomor 1")).toBeInTheDocument();
  });
});
