import { act, screen, waitFor, within } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { beforeEach, describe, expect, it, vi } from "vitest";
import { useStore } from "../../store";
import { REGIONS, makeUser } from "../../test/fixtures";
import { apiError, bodyOf, json, mockFetch, type Handler } from "../../test/http";
import { renderRoute } from "../../test/render";
import { AdoptionLedger } from "./AdoptionLedger";
import { PRACTICE_ID, makeAdoption, makePracticeThread } from "./test/fixtures";

function Ledger() {
  const practice = useStore((s) => s.practicesById[PRACTICE_ID]);
  return practice ? <AdoptionLedger practice={practice} /> : null;
}

async function setup(
  me = makeUser({ affiliation: { kind: "region", code: "35.10" }, verified: true }),
  extra: Record<string, Handler> = {},
) {
  useStore.setState({
    currentUserId: me.id,
    sessionStatus: "signedIn",
    usersById: { [me.id]: me },
    regionsByCode: Object.fromEntries(REGIONS.map((r) => [r.code, r])),
  });
  const spy = mockFetch({
    [`GET /api/practices/${PRACTICE_ID}`]: () =>
      json(200, {
        practice: makePracticeThread(),
        lineage: { ancestors: [], descendants: [] },
        adoptions: [],
      }),
    ...extra,
  });
  await useStore.getState().loadPracticePage(PRACTICE_ID);
  renderRoute(<Ledger />);
  return { spy, ui: userEvent.setup({ delay: null }) };
}

describe("AdoptionLedger", () => {
  // The dialogs default a step's date to today (Asia/Jakarta) and refuse one before the previous
  // step (the fixtures' steps are in early 2026): pin today so the suite passes on any day.
  beforeEach(() => {
    vi.useFakeTimers({ toFake: ["Date"] });
    vi.setSystemTime(new Date("2026-06-15T03:00:00.000Z"));
  });

  it("tells an unverified member that adopting in the region's name needs a verified office", async () => {
    await setup(makeUser({ affiliation: { kind: "region", code: "35.10" }, verified: false }));
    expect(screen.queryByTestId("adopt-button")).not.toBeInTheDocument();
    const note = screen.getByTestId("adopt-needs-verification");
    expect(note).toHaveTextContent("Kabupaten Banyuwangi");
    expect(within(note).getByRole("link")).toHaveAttribute("href", "/account#verification");
  });

  it("adopts for the user's region and shows it at once", async () => {
    const created = makeAdoption(1);
    const { spy, ui } = await setup(undefined, {
      [`POST /api/practices/${PRACTICE_ID}/adoptions`]: () => json(201, { adoption: created }),
    });
    await ui.click(screen.getByTestId("adopt-button"));
    const dialog = await screen.findByTestId("adopt-dialog");
    expect(within(dialog).getByRole("heading")).toHaveTextContent("Adopsi untuk Kabupaten Banyuwangi");
    await ui.click(within(dialog).getByTestId("adoption-note"));
    await ui.paste("Kami ingin mempelajari SOP-nya.");
    await ui.click(within(dialog).getByTestId("adopt-submit"));
    await waitFor(() => expect(screen.getAllByTestId("adoption-item")).toHaveLength(1));
    expect(bodyOf(spy, `POST /api/practices/${PRACTICE_ID}/adoptions`)).toMatchObject({
      stage: "interested",
      note: "Kami ingin mempelajari SOP-nya.",
    });
    expect(screen.getByTestId("ledger-count-interested")).toHaveAttribute("data-count", "1");
    expect(screen.getByTestId("adopt-already")).toHaveTextContent(
      "Wilayah atau instansi Anda sudah menyatakan tertarik pada praktik ini.",
    );
    expect(screen.getByTestId("adopt-already")).not.toHaveTextContent("mengadopsi");
    act(() => useStore.getState().internal_adoptionChanged(makeAdoption(1, ["interested", "piloting"])));
    expect(screen.getByTestId("adopt-already")).toHaveTextContent("sedang mengujicobakan");
  });

  it("shows an adoption that arrives live, newest first, with its stage", async () => {
    await setup(makeUser({ affiliation: null }));
    act(() =>
      useStore
        .getState()
        .internal_adoptionChanged(
          makeAdoption(2, ["interested"], { affiliation: { kind: "region", code: "33.74" } }),
        ),
    );
    act(() =>
      useStore
        .getState()
        .internal_adoptionChanged(
          makeAdoption(3, ["interested", "piloting"], { affiliation: { kind: "agency", name: "LAN" } }),
        ),
    );
    const items = screen.getAllByTestId("adoption-item");
    expect(items.map((i) => i.getAttribute("data-adopter"))).toEqual(["LAN", "33.74"]);
    expect(within(items[1]).getByText("Kota Semarang")).toBeInTheDocument();
    // Without an affiliation the user is told how to adopt instead of getting a button.
    expect(screen.queryByTestId("adopt-button")).not.toBeInTheDocument();
    expect(screen.getByText(/Lengkapi wilayah atau instansi/)).toBeInTheDocument();
  });

  it("offers only the legal next steps to the adopter and explains a refused one", async () => {
    const me = makeUser({ affiliation: { kind: "region", code: "35.10" } });
    const mine = makeAdoption(4, ["interested"], {
      adopter: { id: me.id, name: me.name, title: me.title, verified: false },
      can: { advance: true },
    });
    const { ui } = await setup(me, {
      [`PATCH /api/adoptions/${mine.id}`]: () =>
        apiError(409, "ILLEGAL_TRANSITION", "no", { from: "adopted", to: "piloting" }),
    });
    act(() => useStore.getState().internal_adoptionChanged(mine));
    expect(screen.getByTestId("adoption-step-piloting")).toBeInTheDocument();
    expect(screen.getByTestId("adoption-step-abandoned")).toBeInTheDocument();
    expect(screen.queryByTestId("adoption-step-adopted")).not.toBeInTheDocument();
    await ui.click(screen.getByTestId("adoption-step-piloting"));
    await ui.click(await screen.findByTestId("step-submit"));
    expect(await screen.findByTestId("adoption-alert")).toHaveTextContent(
      "Tahap ini tidak bisa dipilih dari tahap sekarang",
    );
  });

  it("does not offer adoption of a practice from the user's own region", async () => {
    await setup(makeUser({ affiliation: { kind: "region", code: "33.73" } }));
    expect(screen.queryByTestId("adopt-button")).not.toBeInTheDocument();
    expect(screen.getByText("Praktik ini berasal dari wilayah Anda.")).toBeInTheDocument();
  });
});
