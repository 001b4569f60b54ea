import { screen, waitFor } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { describe, expect, it } from "vitest";
import type { UserDto } from "@rembuk/shared";
import { useStore } from "../../store";
import { makeUser } from "../../test/fixtures";
import { apiError, bodyOf, calls, json, mockFetch } from "../../test/http";
import { renderRoute } from "../../test/render";
import { SynonymsPage } from "./SynonymsPage";

const admin = makeUser({ id: "ad".padEnd(24, "0"), name: "Admin Rembuk", role: "admin" });
const member = makeUser({ id: "me".padEnd(24, "0"), name: "Joko Widodo" });
const LIST = {
  groups: [{ variants: ["MPP", "Mal Pelayanan Publik"] }, { variants: ["stunting", "tengkes"] }],
};

function signIn(user: UserDto) {
  useStore.setState({ sessionStatus: "signedIn", currentUserId: user.id, usersById: { [user.id]: user } });
}
const renderPage = () => renderRoute(<SynonymsPage />, { path: "/admin/synonyms" });
const inputs = () =>
  screen.getAllByRole<HTMLInputElement>("textbox", { name: "Kata dalam kelompok, dipisah koma" });

// Typing into several rows takes seconds on a loaded machine.
describe("SynonymsPage", { timeout: 20_000 }, () => {
  it("is closed to non-admins and asks the server for nothing", () => {
    signIn(member);
    const spy = mockFetch({});
    renderPage();
    expect(screen.getByTestId("synonyms-forbidden")).toHaveTextContent("Khusus admin");
    expect(calls(spy)).toEqual([]);
  });

  it("lists the groups, adds, edits and removes one, and saves the whole list", async () => {
    signIn(admin);
    const spy = mockFetch({
      "GET /api/search/synonyms": () => json(200, LIST),
      "PUT /api/search/synonyms": ({ body }) => json(200, body),
    });
    renderPage();
    expect(await screen.findAllByTestId("synonyms-row")).toHaveLength(2);
    expect(inputs().map((i) => i.value)).toEqual(["MPP, Mal Pelayanan Publik", "stunting, tengkes"]);

    const ui = userEvent.setup();
    const replace = async (input: HTMLInputElement, text: string) => {
      await ui.clear(input);
      await ui.click(input);
      await ui.paste(text);
    };
    await ui.click(screen.getByTestId("synonyms-add"));
    await replace(inputs()[0]!, "PTSP, Pelayanan Terpadu Satu Pintu");
    await replace(inputs()[2]!, "stunting, tengkes, kerdil");
    await ui.click(screen.getByRole("button", { name: "Hapus kelompok MPP, Mal Pelayanan Publik" }));
    await ui.click(screen.getByTestId("synonyms-save"));

    expect(await screen.findByTestId("synonyms-saved")).toHaveTextContent("Tersimpan");
    expect(bodyOf(spy, "PUT /api/search/synonyms")).toEqual({
      groups: [
        { variants: ["PTSP", "Pelayanan Terpadu Satu Pintu"] },
        { variants: ["stunting", "tengkes", "kerdil"] },
      ],
    });
  });

  it("refuses to save a group with a single word and says why", async () => {
    signIn(admin);
    const spy = mockFetch({ "GET /api/search/synonyms": () => json(200, LIST) });
    renderPage();
    await screen.findAllByTestId("synonyms-row");
    const ui = userEvent.setup();
    await ui.clear(inputs()[1]!);
    await ui.click(inputs()[1]!);
    await ui.paste("stunting");
    expect(inputs()[1]).toHaveAttribute("aria-invalid", "true");
    expect(screen.getByText(/Isi 2 sampai 12 kata/)).toBeInTheDocument();
    expect(screen.getByTestId("synonyms-save")).toBeDisabled();
    expect(calls(spy)).not.toContain("PUT /api/search/synonyms");
  });

  it("filters the rows and shows the server's refusal", async () => {
    signIn(admin);
    mockFetch({
      "GET /api/search/synonyms": () => json(200, LIST),
      "PUT /api/search/synonyms": () => apiError(403, "FORBIDDEN", "Admins only"),
    });
    renderPage();
    await screen.findAllByTestId("synonyms-row");
    const ui = userEvent.setup();
    await ui.type(screen.getByRole("searchbox", { name: "Cari kelompok" }), "tengkes");
    expect(screen.getAllByTestId("synonyms-row")).toHaveLength(1);
    await ui.click(screen.getByTestId("synonyms-save"));
    await waitFor(() => expect(screen.getByTestId("synonyms-error")).toBeInTheDocument());
  });
});
