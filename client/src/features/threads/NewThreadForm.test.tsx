import { screen, waitFor } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { describe, expect, it } from "vitest";
import { apiError, bodyOf, json, mockFetch } from "../../test/http";
import { renderRoute } from "../../test/render";
import { makeRoom, makeThread } from "../posts/test/fixtures";
import { NewThreadForm } from "./NewThreadForm";

const PATH = "POST /api/rooms/inovasi-pelayanan-publik/threads";

async function fill() {
  await userEvent.type(screen.getByTestId("new-thread-title"), "Antrean daring di puskesmas");
  await userEvent.type(screen.getByTestId("new-thread-body"), "Bagaimana caranya?");
  await userEvent.type(screen.getByTestId("new-thread-tags"), "Puskesmas, antrean");
}

describe("NewThreadForm", () => {
  it("publishes with tags normalised and opens the new thread; the draft is gone", async () => {
    const spy = mockFetch({
      [PATH]: () => json(201, { thread: makeThread({ id: "b00000000000000000000042" }) }),
    });
    renderRoute(<NewThreadForm room={makeRoom()} onClose={() => undefined} />, {
      path: "/rooms/:slug",
      url: "/rooms/inovasi-pelayanan-publik",
    });
    await fill();
    expect(localStorage.getItem(`rembuk:thread-draft:${makeRoom().id}`)).toContain("Antrean daring");
    await userEvent.click(screen.getByTestId("new-thread-submit"));
    await waitFor(() =>
      expect(screen.getByTestId("location")).toHaveTextContent("/threads/b00000000000000000000042"),
    );
    expect(bodyOf(spy, PATH)).toMatchObject({
      title: "Antrean daring di puskesmas",
      body: "Bagaimana caranya?",
      tags: ["puskesmas", "antrean"],
    });
    expect(localStorage.getItem(`rembuk:thread-draft:${makeRoom().id}`)).toBeNull();
  });

  it("says when slow mode allows the next thread, keeps the text, and retries with the same clientId", async () => {
    let slow = true;
    const spy = mockFetch({
      [PATH]: () =>
        slow
          ? apiError(429, "SLOW_MODE", "Slow", { retryAfterSeconds: 40 })
          : json(201, { thread: makeThread() }),
    });
    renderRoute(<NewThreadForm room={makeRoom()} onClose={() => undefined} />, {
      path: "/rooms/:slug",
      url: "/rooms/inovasi-pelayanan-publik",
    });
    await fill();
    await userEvent.click(screen.getByTestId("new-thread-submit"));
    expect(await screen.findByTestId("new-thread-alert")).toHaveTextContent(/Mode lambat.*40 detik/);
    expect(screen.getByTestId("new-thread-title")).toHaveValue("Antrean daring di puskesmas");
    slow = false;
    await userEvent.click(screen.getByTestId("new-thread-submit"));
    await waitFor(() => expect(screen.getByTestId("location")).toHaveTextContent(/threads/));
    const ids = spy.mock.calls.map(([, init]) => JSON.parse(String(init?.body)).clientId);
    expect(ids).toHaveLength(2);
    expect(ids[1]).toBe(ids[0]);
  });

  it("refuses a short title and a bad tag without sending", async () => {
    const spy = mockFetch({});
    renderRoute(<NewThreadForm room={makeRoom()} onClose={() => undefined} />);
    await userEvent.type(screen.getByTestId("new-thread-title"), "Hi");
    await userEvent.type(screen.getByTestId("new-thread-body"), "Isi");
    await userEvent.type(screen.getByTestId("new-thread-tags"), "bukan_tag!");
    await userEvent.click(screen.getByTestId("new-thread-submit"));
    expect(await screen.findByText("Minimal 3 karakter.")).toBeInTheDocument();
    expect(screen.getByText(/Tag “bukan_tag!”/)).toBeInTheDocument();
    expect(spy).not.toHaveBeenCalled();
  });
});
