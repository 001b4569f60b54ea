import { screen, waitFor } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { describe, expect, it } from "vitest";
import type { PostDto } from "@rembuk/shared";
import { useStore } from "../../store";
import { makeUser } from "../../test/fixtures";
import { apiError, calls, json, mockFetch } from "../../test/http";
import { renderRoute } from "../../test/render";
import { hex, makeAuthor, POST_CAN } from "../posts/test/fixtures";
import { PostModerationNote, PostModTools } from "./PostModTools";

const ME = hex(1, "d");
const post = (o: Partial<PostDto> = {}): PostDto => ({
  id: hex(5, "e"),
  threadId: hex(1, "b"),
  roomId: hex(1, "a"),
  seq: 2,
  author: makeAuthor(),
  body: "Jual pulsa murah",
  html: "<p>Jual pulsa murah</p>",
  mentions: [],
  replyTo: null,
  reactions: { like: 0, insightful: 0, thanks: 0, agree: 0 },
  status: "published",
  deleted: false,
  editedAt: null,
  createdAt: "2026-11-20T01:00:00.000Z",
  can: POST_CAN.member,
  ...o,
});
const asModerator = (o: Partial<PostDto> = {}) => post({ can: POST_CAN.moderator, ...o });

function signIn(role: "member" | "moderator") {
  useStore.setState({ currentUserId: ME, usersById: { [ME]: makeUser({ id: ME, role }) } });
}

describe("PostModTools for members", () => {
  it("offers the flag button on someone else's published post and sends a flag with its reason", async () => {
    signIn("member");
    const fetch = mockFetch({
      "POST /api/flags": ({ body }) => json(201, { flag: { ...(body as object), id: hex(9, "f") } }),
    });
    renderRoute(<PostModTools post={post()} opening={false} />);
    await userEvent.click(screen.getByTestId("post-flag"));
    await userEvent.click(screen.getByTestId("flag-submit"));
    // No reason chosen: told so, nothing sent.
    expect(await screen.findByText("Wajib diisi.")).toBeInTheDocument();
    expect(calls(fetch)).toEqual([]);
    await userEvent.click(screen.getByTestId("flag-reason-other"));
    await userEvent.click(screen.getByTestId("flag-submit"));
    // "Other" needs a note.
    expect(calls(fetch)).toEqual([]);
    await userEvent.type(screen.getByTestId("flag-note"), "Iklan di forum");
    await userEvent.click(screen.getByTestId("flag-submit"));
    await waitFor(() => expect(calls(fetch)).toEqual(["POST /api/flags"]));
    expect(fetch.mock.calls[0][1]?.body).toContain('"reason":"other"');
    expect(await screen.findByTestId("post-flag")).toHaveTextContent("Sudah dilaporkan");
  });

  it("shows nothing on the member's own post, on a placeholder, or to a guest", () => {
    signIn("member");
    const { unmount } = renderRoute(
      <PostModTools post={post({ author: makeAuthor({ id: ME }), can: POST_CAN.author })} opening={false} />,
    );
    expect(screen.queryByTestId("post-flag")).toBeNull();
    unmount();
    const second = renderRoute(
      <PostModTools post={post({ status: "hidden", body: null, html: null })} opening={false} />,
    );
    expect(screen.queryByTestId("post-flag")).toBeNull();
    second.unmount();
    useStore.setState({ currentUserId: null });
    renderRoute(<PostModTools post={post()} opening={false} />);
    expect(screen.queryByTestId("post-flag")).toBeNull();
  });
});

describe("PostModTools for moderators", () => {
  it("hides with a required reason, and shows the server's refusal in the dialog", async () => {
    signIn("moderator");
    let refuse = true;
    const fetch = mockFetch({
      [`POST /api/posts/${post().id}/moderate`]: () =>
        refuse
          ? apiError(409, "ILLEGAL_TRANSITION")
          : json(200, {
              post: post({
                status: "hidden",
                moderation: { state: "hidden", reason: "Promosi komersial", at: null },
              }),
            }),
    });
    renderRoute(<PostModTools post={asModerator()} opening={false} />);
    await userEvent.click(screen.getByTestId("post-mod-menu"));
    await userEvent.click(screen.getByTestId("mod-post-hide"));
    await userEvent.click(screen.getByTestId("reason-submit"));
    expect(await screen.findByText("Minimal 3 karakter.")).toBeInTheDocument();
    expect(calls(fetch)).toEqual([]);
    await userEvent.click(screen.getByText("Promosi komersial"));
    await userEvent.click(screen.getByTestId("reason-submit"));
    expect(await screen.findByRole("alert")).toBeInTheDocument();
    refuse = false;
    await userEvent.click(screen.getByTestId("reason-submit"));
    await waitFor(() => expect(screen.queryByTestId("reason-dialog")).toBeNull());
    expect(useStore.getState().postsById[post().id]).toMatchObject({ status: "hidden" });
  });

  it("offers approve and reject on a waiting reply, restore on a deleted one", async () => {
    signIn("moderator");
    const { unmount } = renderRoute(
      <PostModTools post={asModerator({ seq: 0, status: "queued" })} opening={false} />,
    );
    await userEvent.click(screen.getByTestId("post-mod-menu"));
    expect(screen.getByTestId("mod-post-approve")).toBeInTheDocument();
    expect(screen.getByTestId("mod-post-reject")).toBeInTheDocument();
    expect(screen.queryByTestId("mod-post-hide")).toBeNull();
    unmount();
    renderRoute(
      <PostModTools post={asModerator({ deleted: true, body: null, html: null })} opening={false} />,
    );
    await userEvent.click(screen.getByTestId("post-mod-menu"));
    expect(screen.getByTestId("mod-post-restore")).toBeInTheDocument();
    expect(screen.queryByTestId("mod-post-delete")).toBeNull();
  });
});

describe("PostModerationNote", () => {
  it("tells the author why, in their language", () => {
    renderRoute(
      <PostModerationNote
        post={post({
          status: "hidden",
          moderation: { state: "rejected", reason: "Di luar topik", at: null },
        })}
      />,
    );
    expect(screen.getByTestId("post-moderation-state")).toHaveTextContent(
      "Ditolak moderator. Alasan: Di luar topik",
    );
  });

  it("says nothing without a moderation state (everyone else)", () => {
    renderRoute(<PostModerationNote post={post({ status: "hidden", body: null, html: null })} />);
    expect(screen.queryByTestId("post-moderation-state")).toBeNull();
  });
});
