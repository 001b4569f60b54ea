import { act, screen, waitFor } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { describe, expect, it } from "vitest";
import { useStore } from "../../store";
import { REGIONS, makeUser } from "../../test/fixtures";
import { apiError, bodyOf, calls, json, mockFetch, type Handler } from "../../test/http";
import { renderRoute } from "../../test/render";
import { makePost, makeRoom, makeThread, THREAD_ID } from "../posts/test/fixtures";
import { PracticeFormPage } from "./PracticeFormPage";
import { SECTORS, makePracticeThread } from "./test/fixtures";

const me = makeUser({ verified: true, affiliation: { kind: "region", code: "33.73" } });
const room = makeRoom();

function setup(
  extra: Record<string, Handler> = {},
  route = { path: "/practices/new", url: "/practices/new" },
  user = me,
) {
  useStore.setState({
    currentUserId: user.id,
    sessionStatus: "signedIn",
    usersById: { [user.id]: user },
    roomsById: { [room.id]: room },
    roomIdBySlug: { [room.slug]: room.id },
    roomOrder: [room.id],
    roomsStatus: "ready",
  });
  const spy = mockFetch({
    "GET /api/taxonomy/regions": () => json(200, { regions: REGIONS }),
    "GET /api/taxonomy/sectors": () => json(200, { sectors: SECTORS }),
    ...extra,
  });
  renderRoute(<PracticeFormPage />, route);
  return { spy, ui: userEvent.setup({ delay: null }) };
}

/** Typing a whole form key by key is slow in jsdom; paste puts the text in the same way a person can. */
async function fill(ui: ReturnType<typeof userEvent.setup>, el: HTMLElement, text: string) {
  await ui.clear(el);
  await ui.click(el);
  await ui.paste(text);
}

async function fillValid(ui: ReturnType<typeof userEvent.setup>) {
  await fill(ui, screen.getByTestId("practice-title-input"), "Rujukan daring puskesmas ke RSUD");
  await fill(ui, screen.getByTestId("practice-summary"), "Ringkasan untuk diskusi.");
  await fill(ui, screen.getByTestId("practice-problem"), "Pasien rujukan sering ditolak karena RSUD penuh.");
  await fill(
    ui,
    screen.getByTestId("practice-approach"),
    "Sistem rujukan daring dengan ketersediaan tempat tidur.",
  );
  await ui.selectOptions(await screen.findByTestId("profile-province"), "33");
  await ui.selectOptions(screen.getByTestId("profile-region"), "33.73");
  await ui.selectOptions(screen.getByTestId("practice-sector"), "1.02");
  await ui.click(screen.getByTestId("practice-stage-implemented"));
  await fill(ui, screen.getByTestId("practice-start"), "2022-04-01");
  await fill(ui, screen.getByTestId("practice-cost"), "350.000.000");
}

// Filling the whole form through userEvent takes seconds in jsdom, more on a loaded machine: a
// generous bound, so only a real hang fails.
describe("PracticeFormPage", { timeout: 30_000 }, () => {
  it("shows a field error for every missing required field, in Indonesian, and sends nothing", async () => {
    const { spy, ui } = setup({}, undefined, makeUser({ affiliation: null }));
    await ui.click(screen.getByTestId("practice-submit"));
    expect(screen.getByTestId("practice-problem-error")).toHaveTextContent("Wajib diisi.");
    expect(screen.getByTestId("practice-sector-error")).toHaveTextContent(
      "Pilih urusan pemerintahan dari daftar.",
    );
    expect(screen.getByTestId("practice-stage-error")).toHaveTextContent("Pilih tahap praktik.");
    expect(screen.getByText("Pilih wilayah yang terdaftar dalam data Kemendagri.")).toBeInTheDocument();
    expect(calls(spy)).not.toContain(`POST /api/rooms/${room.slug}/threads`);
  });

  it("explains a negative cost and a future date in both languages", async () => {
    const { ui } = setup();
    await fillValid(ui);
    await fill(ui, screen.getByTestId("practice-cost"), "-5");
    await fill(ui, screen.getByTestId("practice-start"), "2999-01-01");
    await ui.click(screen.getByTestId("practice-submit"));
    expect(screen.getByTestId("practice-cost-error")).toHaveTextContent(
      "Biaya harus bilangan bulat rupiah dan tidak boleh negatif.",
    );
    expect(screen.getByTestId("practice-start-error")).toHaveTextContent("tidak di masa depan");
    act(() => useStore.getState().internal_adoptLocale("en"));
    expect(screen.getByTestId("practice-cost-error")).toHaveTextContent(
      "The cost must be a whole number of rupiah and cannot be negative.",
    );
    expect(screen.getByTestId("practice-start-error")).toHaveTextContent("not in the future");
  });

  it("shows the server's field errors (unknown region, unknown sector) in the interface language", async () => {
    const { ui } = setup({
      [`POST /api/rooms/${room.slug}/threads`]: () =>
        apiError(400, "VALIDATION", "Invalid practice", {
          "practice.regionCode": ["Unknown Kemendagri region code"],
          "practice.sector": ["Unknown sector"],
        }),
    });
    await fillValid(ui);
    await ui.click(screen.getByTestId("practice-submit"));
    expect(
      await screen.findByText("Pilih wilayah yang terdaftar dalam data Kemendagri."),
    ).toBeInTheDocument();
    expect(screen.getByTestId("practice-sector-error")).toHaveTextContent(
      "Pilih urusan pemerintahan dari daftar.",
    );
    expect(screen.queryByText("Unknown Kemendagri region code")).not.toBeInTheDocument();
    act(() => useStore.getState().internal_adoptLocale("en"));
    expect(screen.getByText("Choose a region listed in the Kemendagri data.")).toBeInTheDocument();
    expect(screen.getByTestId("practice-sector-error")).toHaveTextContent(
      "Choose a government affair from the list.",
    );
  });

  it("publishes a practice thread with the structured record and opens it", async () => {
    const created = makePracticeThread();
    const { spy, ui } = setup({
      [`POST /api/rooms/${room.slug}/threads`]: () => json(201, { thread: created }),
    });
    await fillValid(ui);
    await ui.click(screen.getByTestId("practice-sdg-3"));
    await ui.click(screen.getByTestId("practice-submit"));
    await waitFor(() => expect(screen.getByTestId("location")).toHaveTextContent(`/practices/${created.id}`));
    expect(bodyOf(spy, `POST /api/rooms/${room.slug}/threads`)).toMatchObject({
      kind: "practice",
      title: "Rujukan daring puskesmas ke RSUD",
      body: "Ringkasan untuk diskusi.",
      practice: {
        regionCode: "33.73",
        sector: "1.02",
        stage: "implemented",
        startDate: "2022-04-01",
        cost: { amount: 350_000_000, source: "APBD" },
        sdgs: [3],
      },
    });
    expect(localStorage.getItem("rembuk:practice-draft")).toBeNull();
  });

  it("lets a moderator turn a discussion into a practice record citing chosen replies", async () => {
    const discussion = makeThread({ title: "Pengalaman rujukan daring" });
    const reply = makePost(2, { body: "Waktu tunggu turun menjadi 6 jam." });
    const { spy, ui } = setup(
      {
        [`GET /api/threads/${THREAD_ID}`]: () => json(200, { thread: discussion }),
        [`GET /api/threads/${THREAD_ID}/posts`]: () =>
          json(200, { posts: [makePost(1), reply], headSeq: 2, hasMore: false }),
        [`POST /api/threads/${THREAD_ID}/promote`]: () =>
          json(200, { thread: makePracticeThread({ id: THREAD_ID }) }),
      },
      { path: "/threads/:threadId/promote", url: `/threads/${THREAD_ID}/promote` },
    );
    expect(await screen.findByText(/Pengalaman rujukan daring/)).toBeInTheDocument();
    expect(screen.queryByTestId("practice-title-input")).not.toBeInTheDocument();
    await fill(
      ui,
      screen.getByTestId("practice-problem"),
      "Pasien rujukan sering ditolak karena RSUD penuh.",
    );
    await fill(
      ui,
      screen.getByTestId("practice-approach"),
      "Sistem rujukan daring dengan ketersediaan tempat tidur.",
    );
    await ui.selectOptions(await screen.findByTestId("profile-province"), "33");
    await ui.selectOptions(screen.getByTestId("practice-sector"), "1.02");
    await ui.click(screen.getByTestId("practice-stage-trial"));
    await fill(ui, screen.getByTestId("practice-start"), "2023-01-02");
    await fill(ui, screen.getByTestId("practice-cost"), "0");
    await ui.click(await screen.findByTestId("promote-source-2"));
    await ui.click(screen.getByTestId("practice-submit"));
    await waitFor(() => expect(screen.getByTestId("location")).toHaveTextContent(`/practices/${THREAD_ID}`));
    expect(bodyOf(spy, `POST /api/threads/${THREAD_ID}/promote`)).toMatchObject({
      practice: { regionCode: "33", sector: "1.02", stage: "trial", cost: { amount: 0, source: "APBD" } },
      sourcePostIds: [reply.id],
    });
  });

  it("reads numbers by the Indonesian conventions, says how, and refuses the English decimal point", async () => {
    const created = makePracticeThread();
    const { spy, ui } = setup({
      [`POST /api/rooms/${room.slug}/threads`]: () => json(201, { thread: created }),
    });
    await fillValid(ui);
    await fill(ui, screen.getAllByRole("textbox", { name: "Indikator" })[0], "Waktu tunggu rujukan");
    await fill(ui, screen.getAllByRole("textbox", { name: "Sebelum" })[0], "2.5");
    await fill(ui, screen.getAllByRole("textbox", { name: "Sesudah" })[0], "1.200");
    expect(screen.getByTestId("practice-result-0-after-status")).toHaveTextContent("dibaca: 1.200");
    expect(screen.getByTestId("practice-cost-status")).toHaveTextContent("dibaca: Rp 350.000.000");
    await ui.click(screen.getByTestId("practice-submit"));
    expect(screen.getByTestId("practice-result-0-before-error")).toHaveTextContent("Maksud Anda 2,5?");
    expect(calls(spy)).not.toContain(`POST /api/rooms/${room.slug}/threads`);

    await fill(ui, screen.getAllByRole("textbox", { name: "Sebelum" })[0], "2,5");
    expect(screen.getByTestId("practice-result-0-before-status")).toHaveTextContent("dibaca: 2,5");
    await ui.click(screen.getByTestId("practice-submit"));
    await waitFor(() => expect(screen.getByTestId("location")).toHaveTextContent(`/practices/${created.id}`));
    expect(bodyOf(spy, `POST /api/rooms/${room.slug}/threads`)).toMatchObject({
      practice: { results: [{ indicator: "Waktu tunggu rujukan", before: 2.5, after: 1200 }] },
    });
  });

  it("reads numbers by the English conventions and refuses what could mean two numbers", async () => {
    const { ui } = setup();
    act(() => useStore.getState().internal_adoptLocale("en"));
    await fillValid(ui);
    await fill(ui, screen.getByTestId("practice-cost"), "350,000,000");
    await fill(ui, screen.getAllByRole("textbox", { name: "Indicator" })[0], "Waiting time");
    await fill(ui, screen.getAllByRole("textbox", { name: "Before" })[0], "2,5");
    await fill(ui, screen.getAllByRole("textbox", { name: "After" })[0], "1.200");
    expect(screen.getByTestId("practice-cost-status")).toHaveTextContent("read as: IDR 350,000,000");
    await ui.click(screen.getByTestId("practice-submit"));
    expect(screen.getByTestId("practice-result-0-before-error")).toHaveTextContent("Did you mean 2.5?");
    expect(screen.getByTestId("practice-result-0-after-error")).toHaveTextContent(
      "write 1200 for thousands, or 1.2000 for a decimal",
    );
    await fill(ui, screen.getAllByRole("textbox", { name: "Before" })[0], "2.5");
    expect(screen.getByTestId("practice-result-0-before-status")).toHaveTextContent("read as: 2.5");
  });

  it("starts a new practice in the author's region, marks required fields and counts characters as they are typed", async () => {
    const { ui } = setup();
    expect(await screen.findByTestId("profile-province")).toHaveValue("33");
    await waitFor(() => expect(screen.getByTestId("profile-region")).toHaveValue("33.73"));
    expect(screen.getByRole("textbox", { name: /Masalah yang dihadapi.*wajib diisi/ })).toBeRequired();
    expect(screen.getByRole("textbox", { name: /Kontak/ })).not.toBeRequired();
    expect(screen.getByTestId("practice-problem-status")).toHaveTextContent("0 dari minimal 20 karakter");
    await fill(ui, screen.getByTestId("practice-problem"), "Antrean panjang");
    expect(screen.getByTestId("practice-problem-status")).toHaveTextContent("15 dari minimal 20 karakter");
    await fill(ui, screen.getByTestId("practice-problem"), "Antrean rujukan panjang sekali");
    expect(screen.getByTestId("practice-problem-status")).toHaveTextContent("30 karakter, cukup");
  });

  it("tells an unverified author that the practice awaits approval instead of saying it is published", async () => {
    const created = makePracticeThread({ status: "queued" });
    const { ui } = setup(
      { [`POST /api/rooms/${room.slug}/threads`]: () => json(201, { thread: created }) },
      undefined,
      makeUser({ verified: false, affiliation: { kind: "region", code: "33.73" } }),
    );
    await fillValid(ui);
    await ui.click(screen.getByTestId("practice-submit"));
    await waitFor(() => expect(screen.getByTestId("location")).toHaveTextContent(`/practices/${created.id}`));
    const toasts = Object.values(useStore.getState().toastsById).map((x) => x.message);
    expect(toasts).toContain("practices.form.queued");
    expect(toasts).not.toContain("practices.form.created");
  });
});
