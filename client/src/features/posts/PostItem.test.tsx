import { screen } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { beforeEach, describe, expect, it, vi } from "vitest";
import { useStore } from "../../store";
import { json, mockFetch } from "../../test/http";
import { renderRoute } from "../../test/render";
import { PostItem } from "./PostItem";
import { makeAuthor, makePost, POST_CAN, THREAD_ID } from "./test/fixtures";

const ME = makeAuthor().id;
const noop = () => undefined;

function show(post = makePost(2, { can: POST_CAN.author }), opts: { me?: string | null } = {}) {
  useStore.setState({ currentUserId: opts.me === undefined ? ME : opts.me });
  useStore.getState().internal_receivePosts(THREAD_ID, [post]);
  return renderRoute(
    <PostItem postId={post.id} canWrite={opts.me !== null} onReply={noop} onJumpTo={noop} />,
  );
}

beforeEach(() => {
  mockFetch({ "GET /api/taxonomy/regions": () => json(200, { regions: [] }) });
});

describe("PostItem", () => {
  it("names each reaction button by its visible text (count, then label)", () => {
    show(makePost(2, { reactions: { like: 3, insightful: 0, thanks: 0, agree: 0 } }));
    expect(screen.getByRole("button", { name: "3 Suka" })).toHaveTextContent(/^3\s*Suka$/);
    expect(screen.getByRole("button", { name: "Setuju" })).toBeInTheDocument();
  });

  it("shows the author with badge and office, the server's html, and the reply quote", () => {
    show(
      makePost(2, {
        html: "<p>Isi <em>penting</em></p>",
        replyTo: {
          id: makePost(1).id,
          seq: 1,
          author: makeAuthor({ name: "Bagus" }),
          excerpt: "Pertanyaan awal",
          deleted: false,
        },
      }),
    );
    expect(screen.getByTestId("post-author")).toHaveTextContent("Rina Kusumawardani");
    expect(screen.getByTestId("verified-badge")).toBeInTheDocument();
    expect(screen.getByText("Bupati Banyuwangi · Pemkab Banyuwangi")).toBeInTheDocument();
    expect(screen.getByText("penting", { selector: "em" })).toBeInTheDocument();
    expect(screen.getByTestId("reply-quote")).toHaveTextContent("Membalas Bagus");
  });

  it("an edited post says 'diedit' and opens its history", async () => {
    const post = makePost(2, { editedAt: "2026-01-11T00:00:00.000Z", html: "<p>Versi dua</p>" });
    mockFetch({
      "GET /api/taxonomy/regions": () => json(200, { regions: [] }),
      [`GET /api/posts/${post.id}/history`]: () =>
        json(200, {
          revisions: [
            {
              version: 1,
              body: "Versi satu",
              html: "<p>Versi satu</p>",
              createdAt: "2026-01-10T00:00:00.000Z",
            },
          ],
        }),
    });
    show(post);
    await userEvent.click(screen.getByTestId("post-edited"));
    expect(await screen.findByText("Versi satu")).toBeInTheDocument();
    expect(screen.getByTestId("history-dialog")).toHaveTextContent("Versi asli");
  });

  it("offers edit and delete to the author, delete to moderators, and neither to others", () => {
    const { unmount } = show();
    expect(screen.getByTestId("post-edit")).toBeInTheDocument();
    expect(screen.getByTestId("post-delete")).toBeInTheDocument();
    unmount();
    const other = makePost(3, {
      author: makeAuthor({ id: "c00000000000000000000901", name: "Orang Lain" }),
      can: POST_CAN.member,
    });
    const second = show(other);
    expect(screen.queryByTestId("post-edit")).not.toBeInTheDocument();
    expect(screen.queryByTestId("post-delete")).not.toBeInTheDocument();
    second.unmount();
    show({ ...other, can: POST_CAN.moderator });
    expect(screen.queryByTestId("post-edit")).not.toBeInTheDocument();
    expect(screen.getByTestId("post-delete")).toBeInTheDocument();
  });

  it("a deleted post is a tombstone without actions", () => {
    show(makePost(2, { deleted: true, body: null, html: null }));
    expect(screen.getByTestId("post-deleted")).toHaveTextContent("telah dihapus");
    expect(screen.queryByTestId("post-reply")).not.toBeInTheDocument();
  });

  it("reactions toggle for signed-in readers; guests only see counts", async () => {
    const toggle = vi.fn(async () => undefined);
    useStore.setState({ toggleReaction: toggle });
    const { unmount } = show(makePost(2, { reactions: { like: 2, insightful: 0, thanks: 0, agree: 0 } }));
    await userEvent.click(screen.getByTestId("reaction-insightful"));
    expect(toggle).toHaveBeenCalledWith(makePost(2).id, "insightful");
    unmount();
    show(makePost(2, { reactions: { like: 2, insightful: 0, thanks: 0, agree: 0 } }), { me: null });
    expect(screen.getByTestId("reaction-like")).toBeDisabled();
    expect(screen.queryByTestId("reaction-insightful")).not.toBeInTheDocument();
  });
});
