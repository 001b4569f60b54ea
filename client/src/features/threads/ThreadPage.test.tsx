import { screen, waitFor } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { describe, expect, it } from "vitest";
import { useStore } from "../../store";
import { makeUser } from "../../test/fixtures";
import { apiError, calls, json, mockFetch } from "../../test/http";
import { renderApp } from "../../test/render";
import { makeAuthor, makePost, makeRoom, makeThread, THREAD_ID } from "../posts/test/fixtures";

const me = makeUser();
const room = makeRoom();

function server(lockReason?: string) {
  return mockFetch({
    "GET /api/auth/me": () => json(200, { user: me }),
    "GET /api/rooms": () => json(200, { rooms: [room] }),
    [`GET /api/rooms/${room.slug}`]: () => json(200, { room }),
    [`GET /api/threads/${THREAD_ID}`]: () =>
      json(200, {
        thread: makeThread({ lastSeq: 3, ...(lockReason ? { locked: true, lockReason } : {}) }),
      }),
    [`GET /api/threads/${THREAD_ID}/posts`]: () =>
      json(200, {
        posts: [1, 2, 3].map((s) =>
          makePost(s, { author: makeAuthor({ affiliation: { kind: "region", code: "33.73" } }) }),
        ),
        headSeq: 3,
        hasMore: false,
      }),
    "GET /api/taxonomy/regions": () => apiError(500, "INTERNAL"),
  });
}

describe("ThreadPage", () => {
  it("offers 'Lompat ke kotak balasan' right after the main skip link, and it focuses the reply box", async () => {
    server();
    await renderApp(`/threads/${THREAD_ID}`);
    const skip = await screen.findByRole("link", { name: "Lompat ke kotak balasan" });
    const links = screen.getAllByRole("link");
    expect(links.indexOf(skip)).toBe(1);
    await screen.findAllByTestId("post");
    await userEvent.setup().click(skip);
    await waitFor(() => expect(document.activeElement).toBe(screen.getByTestId("composer-input")));
  });

  it("keeps each post's reactions and actions to one Tab stop each (arrow keys move within)", async () => {
    server();
    await renderApp(`/threads/${THREAD_ID}`);
    const [first] = await screen.findAllByRole("toolbar", { name: "Tanggapan" });
    const buttons = [...first.querySelectorAll("button")];
    expect(buttons.filter((b) => b.tabIndex === 0)).toHaveLength(1);
    buttons[0].focus();
    await userEvent.setup().keyboard("{ArrowRight}");
    expect(document.activeElement).toBe(buttons[1]);
    expect(buttons.filter((b) => b.tabIndex === 0)).toEqual([buttons[1]]);
  });

  it("tells readers why a moderator locked the thread", async () => {
    server("Diskusi sudah dirangkum di utas baru.");
    useStore.setState({ currentUserId: null });
    await renderApp(`/threads/${THREAD_ID}`);
    expect(await screen.findByTestId("thread-lock-reason")).toHaveTextContent(
      "Alasan penguncian: Diskusi sudah dirangkum di utas baru.",
    );
    expect(await screen.findByTestId("composer-lock-reason")).toHaveTextContent("Diskusi sudah dirangkum");
  });

  it("does not fetch the region list", async () => {
    const spy = server();
    await renderApp(`/threads/${THREAD_ID}`);
    await screen.findAllByTestId("post");
    await new Promise((r) => setTimeout(r, 0));
    expect(calls(spy)).not.toContain("GET /api/taxonomy/regions");
    expect(useStore.getState().regionsStatus).toBe("idle");
  });
});
