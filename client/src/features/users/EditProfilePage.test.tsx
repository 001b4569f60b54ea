import { screen, waitFor } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { describe, expect, it } from "vitest";
import { useStore } from "../../store";
import { makeUser, REGIONS } from "../../test/fixtures";
import { apiError, bodyOf, calls, json, mockFetch, type Handler } from "../../test/http";
import { renderRoute } from "../../test/render";
import { EditProfilePage } from "./EditProfilePage";

const me = makeUser({ title: "", affiliation: null });

function setup(extra: Record<string, Handler> = {}) {
  useStore.setState({ currentUserId: me.id, sessionStatus: "signedIn", usersById: { [me.id]: me } });
  const spy = mockFetch({
    "GET /api/taxonomy/regions": () => json(200, { regions: REGIONS }),
    [`PATCH /api/users/${me.id}`]: ({ body }) => json(200, { user: { ...me, ...(body as object) } }),
    ...extra,
  });
  renderRoute(<EditProfilePage />, { path: "/profile/edit" });
  return { spy, ui: userEvent.setup() };
}

describe("EditProfilePage", () => {
  it("saves title and a kabupaten/kota picked by province, then opens the profile", async () => {
    const { spy, ui } = setup();
    await ui.type(screen.getByLabelText(/Jabatan/), "Wali Kota Salatiga");
    await ui.click(screen.getByTestId("profile-kind-region"));
    await ui.selectOptions(await screen.findByTestId("profile-province"), "33");
    await ui.selectOptions(screen.getByTestId("profile-region"), "33.73");
    await ui.click(screen.getByTestId("profile-save"));
    await waitFor(() => expect(screen.getByTestId("location")).toHaveTextContent(`/users/${me.id}`));
    expect(bodyOf(spy, `PATCH /api/users/${me.id}`)).toEqual({
      name: me.name,
      title: "Wali Kota Salatiga",
      affiliation: { kind: "region", code: "33.73" },
    });
    expect(useStore.getState().usersById[me.id]?.title).toBe("Wali Kota Salatiga");
  });

  it("uses the province itself when no kabupaten/kota is chosen", async () => {
    const { spy, ui } = setup();
    await ui.click(screen.getByTestId("profile-kind-region"));
    await ui.selectOptions(await screen.findByTestId("profile-province"), "35");
    await ui.click(screen.getByTestId("profile-save"));
    await waitFor(() => expect(calls(spy)).toContain(`PATCH /api/users/${me.id}`));
    expect(bodyOf(spy, `PATCH /api/users/${me.id}`)).toMatchObject({
      affiliation: { kind: "region", code: "35" },
    });
  });

  it("asks for a province before saving a region affiliation", async () => {
    const { spy, ui } = setup();
    await ui.click(screen.getByTestId("profile-kind-region"));
    await screen.findByTestId("profile-province");
    await ui.click(screen.getByTestId("profile-save"));
    expect(screen.getByText("Pilih provinsi terlebih dahulu.")).toBeInTheDocument();
    expect(calls(spy)).not.toContain(`PATCH /api/users/${me.id}`);
  });

  it("filters kabupaten/kota by name", async () => {
    const many = Array.from({ length: 12 }, (_, i) => ({
      code: `33.${String(i + 1).padStart(2, "0")}`,
      name: i === 5 ? "Kabupaten Temanggung" : `Kabupaten Contoh ${i + 1}`,
      kind: "kabupaten" as const,
      provinceCode: "33",
    }));
    const { ui } = setup({
      "GET /api/taxonomy/regions": () => json(200, { regions: [...REGIONS, ...many] }),
    });
    await ui.click(screen.getByTestId("profile-kind-region"));
    await ui.selectOptions(await screen.findByTestId("profile-province"), "33");
    await ui.type(screen.getByTestId("profile-region-search"), "temang");
    const options = Array.from(screen.getByTestId("profile-region").querySelectorAll("option")).map(
      (o) => o.textContent,
    );
    expect(options).toEqual(["— Tingkat provinsi —", "Kabupaten Temanggung"]);
  });

  it("validates an agency name with the shared limits", async () => {
    const { spy, ui } = setup();
    await ui.click(screen.getByTestId("profile-kind-agency"));
    await ui.type(screen.getByTestId("profile-agency"), "L");
    await ui.click(screen.getByTestId("profile-save"));
    expect(screen.getByTestId("profile-agency-error")).toHaveTextContent("Minimal 2 karakter.");
    expect(calls(spy)).not.toContain(`PATCH /api/users/${me.id}`);
  });

  it("shows server field errors next to the field", async () => {
    const { ui } = setup({
      [`PATCH /api/users/${me.id}`]: () =>
        apiError(400, "VALIDATION", "Invalid", { "affiliation.code": ["Kode wilayah tidak dikenal"] }),
    });
    await ui.click(screen.getByTestId("profile-kind-region"));
    await ui.selectOptions(await screen.findByTestId("profile-province"), "33");
    await ui.click(screen.getByTestId("profile-save"));
    expect(await screen.findByText("Kode wilayah tidak dikenal")).toBeInTheDocument();
  });
});
