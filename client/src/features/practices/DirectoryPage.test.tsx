import { screen, waitFor } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { describe, expect, it } from "vitest";
import { useStore } from "../../store";
import { REGIONS, makeUser } from "../../test/fixtures";
import { json, mockFetch } from "../../test/http";
import { renderRoute } from "../../test/render";
import { DirectoryPage } from "./DirectoryPage";
import { SECTORS, makePracticeThread } from "./test/fixtures";

function setup(url = "/practices", role: "member" | "moderator" = "member") {
  const me = makeUser({ role });
  useStore.setState({ currentUserId: me.id, sessionStatus: "signedIn", usersById: { [me.id]: me } });
  const requests: URLSearchParams[] = [];
  const salatiga = makePracticeThread();
  const banyuwangi = makePracticeThread({
    id: "6000000000000000000000b8",
    title: "Smart Kampung",
    practice: { ...salatiga.practice, regionCode: "35.10", provinceCode: "35" },
  });
  mockFetch({
    "GET /api/taxonomy/regions": () => json(200, { regions: REGIONS }),
    "GET /api/taxonomy/sectors": () => json(200, { sectors: SECTORS }),
    "GET /api/practices": ({ url: u }) => {
      requests.push(u.searchParams);
      const province = u.searchParams.get("province");
      const list = [salatiga, banyuwangi].filter((p) => !province || p.practice.provinceCode === province);
      return json(200, { practices: list, nextCursor: null });
    },
  });
  renderRoute(<DirectoryPage />, { path: "/practices", url });
  return { requests, ui: userEvent.setup({ delay: null }) };
}

describe("DirectoryPage", () => {
  it("filters by province through the form, with the filter in the URL", async () => {
    const { requests, ui } = setup();
    expect(await screen.findAllByTestId("practice-card")).toHaveLength(2);
    await ui.selectOptions(screen.getByTestId("filter-province"), "35");
    await waitFor(() => expect(screen.getAllByTestId("practice-card")).toHaveLength(1));
    expect(screen.getByTestId("location")).toHaveTextContent("/practices?province=35");
    expect(requests.at(-1)?.get("province")).toBe("35");
    expect(screen.getByTestId("practice-card")).toHaveAttribute("data-province", "35");
  });

  it("opens a shared URL with its filters applied and the controls set", async () => {
    const { requests } = setup("/practices?province=33&sort=adopted&featured=true");
    expect(await screen.findAllByTestId("practice-card")).toHaveLength(1);
    expect(screen.getByTestId("filter-province")).toHaveValue("33");
    expect(screen.getByTestId("directory-sort")).toHaveValue("adopted");
    expect(screen.getByTestId("filter-featured")).toBeChecked();
    expect(Object.fromEntries(requests.at(-1) ?? [])).toMatchObject({
      province: "33",
      sort: "adopted",
      featured: "true",
    });
  });

  it("clears every filter at once and keeps the CSV link for organizers only", async () => {
    const { ui } = setup("/practices?province=33&stage=trial", "moderator");
    await screen.findAllByTestId("practice-card");
    expect(screen.getByTestId("directory-csv")).toHaveAttribute(
      "href",
      "/api/practices.csv?province=33&stage=trial",
    );
    await ui.click(screen.getByTestId("filter-reset"));
    await waitFor(() => expect(screen.getByTestId("location")).toHaveTextContent(/^\/practices$/));
  });

  it("offers no CSV download to members", async () => {
    setup("/practices");
    await screen.findAllByTestId("practice-card");
    expect(screen.queryByTestId("directory-csv")).not.toBeInTheDocument();
  });
});
