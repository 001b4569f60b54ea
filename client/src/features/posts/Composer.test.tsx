import { createRef } from "react";
import { screen } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { beforeEach, describe, expect, it } from "vitest";
import { useStore } from "../../store";
import { json, mockFetch } from "../../test/http";
import { renderRoute } from "../../test/render";
import { Composer } from "./Composer";
import { setSendTransport } from "../../lib/send";
import { makeAuthor, makePost, THREAD_ID } from "./test/fixtures";

const ME = makePost(1).author?.id ?? "";

function renderComposer(props: { locked?: boolean; slowModeSeconds?: number } = {}) {
  return renderRoute(
    <Composer
      threadId={THREAD_ID}
      locked={props.locked ?? false}
      slowModeSeconds={props.slowModeSeconds ?? 0}
      textareaRef={createRef()}
    />,
  );
}

beforeEach(() => {
  setSendTransport({ connected: () => false, emitWithAck: () => Promise.reject(new Error("offline")) });
  useStore.setState({ currentUserId: ME, sessionStatus: "signedIn" });
});

describe("Composer", () => {
  it("keeps what is typed as the thread's draft (localStorage), sends it with Ctrl+Enter and clears the box", async () => {
    let release: () => void = () => undefined;
    mockFetch({
      [`POST /api/threads/${THREAD_ID}/posts`]: () =>
        new Promise((r) => (release = () => r(json(201, { post: makePost(2) })))),
    });
    renderComposer();
    const box = screen.getByTestId("composer-input");
    await userEvent.type(box, "Terima kasih, Bu");
    expect(JSON.parse(localStorage.getItem(`rembuk:draft:${THREAD_ID}`) ?? "{}")).toMatchObject({
      body: "Terima kasih, Bu",
    });
    await userEvent.keyboard("{Control>}{Enter}{/Control}");
    expect(box).toHaveValue("");
    expect(Object.values(useStore.getState().outbox)).toEqual([
      expect.objectContaining({ body: "Terima kasih, Bu", status: "sending" }),
    ]);
    release();
  });

  it("will not send blank or over-long text", async () => {
    const spy = mockFetch({});
    renderComposer();
    expect(screen.getByTestId("composer-send")).toBeDisabled();
    await userEvent.type(screen.getByTestId("composer-input"), "   ");
    expect(screen.getByTestId("composer-send")).toBeDisabled();
    useStore.getState().setDraft(THREAD_ID, { body: "x".repeat(20_001), replyTo: null });
    expect(await screen.findByText(/Terlalu panjang/)).toBeInTheDocument();
    expect(screen.getByTestId("composer-send")).toBeDisabled();
    expect(spy).not.toHaveBeenCalled();
  });

  it("shows the post being answered, which can be cancelled", async () => {
    useStore.getState().setDraft(THREAD_ID, {
      body: "",
      replyTo: {
        id: makePost(3).id,
        seq: 3,
        authorName: "Bagus Prasetyo",
        excerpt: "Bagaimana antreannya?",
      },
    });
    renderComposer();
    expect(screen.getByTestId("composer-reply")).toHaveTextContent("Membalas Bagus Prasetyo");
    await userEvent.click(screen.getByTestId("composer-reply-cancel"));
    expect(screen.queryByTestId("composer-reply")).not.toBeInTheDocument();
  });

  it("previews through the server renderer", async () => {
    mockFetch({
      "POST /api/markdown/preview": () => json(200, { html: "<p><strong>Tebal</strong></p>", mentions: [] }),
    });
    renderComposer();
    await userEvent.type(screen.getByTestId("composer-input"), "**Tebal**");
    await userEvent.click(screen.getByTestId("composer-input-preview-tab"));
    expect(await screen.findByText("Tebal", { selector: "strong" })).toBeInTheDocument();
  });

  it("offers the thread's people after @ and inserts the mention markup", async () => {
    mockFetch({});
    useStore.getState().openThread(THREAD_ID);
    useStore
      .getState()
      .internal_receivePosts(THREAD_ID, [
        makePost(1, { author: makeAuthor({ id: "c00000000000000000000777", name: "Yuliana Pratiwi" }) }),
      ]);
    renderComposer();
    await userEvent.type(screen.getByTestId("composer-input"), "Setuju @yul");
    expect(screen.getByTestId("mention-list")).toHaveTextContent("Yuliana Pratiwi");
    await userEvent.keyboard("{Enter}");
    expect(screen.getByTestId("composer-input")).toHaveValue(
      "Setuju @[Yuliana Pratiwi](c00000000000000000000777) ",
    );
    expect(screen.queryByTestId("mention-list")).not.toBeInTheDocument();
  });

  it("offers sign-in to guests and a notice in a locked thread instead of a box", () => {
    useStore.setState({ currentUserId: null, sessionStatus: "guest" });
    const { unmount } = renderComposer();
    expect(screen.getByTestId("composer-signin")).toBeInTheDocument();
    expect(screen.queryByTestId("composer-input")).not.toBeInTheDocument();
    unmount();
    useStore.setState({ currentUserId: ME, sessionStatus: "signedIn" });
    renderComposer({ locked: true });
    expect(screen.getByTestId("composer-locked")).toBeInTheDocument();
  });
});
