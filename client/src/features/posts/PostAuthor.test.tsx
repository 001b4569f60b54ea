import { render, screen, waitFor } from "@testing-library/react";
import { MemoryRouter } from "react-router";
import { describe, expect, it } from "vitest";
import { REGIONS } from "../../test/fixtures";
import { calls, json, mockFetch } from "../../test/http";
import { PostAuthor } from "./PostAuthor";
import { makeAuthor } from "./test/fixtures";

function setup(author: ReturnType<typeof makeAuthor>) {
  const spy = mockFetch({ "GET /api/taxonomy/regions": () => json(200, { regions: REGIONS }) });
  render(
    <MemoryRouter>
      <PostAuthor author={author} />
    </MemoryRouter>,
  );
  return spy;
}

describe("PostAuthor", () => {
  it("shows the office without fetching the region list", async () => {
    const spy = setup(
      makeAuthor({ title: "Wali Kota Salatiga", affiliation: { kind: "region", code: "33.73" } }),
    );
    expect(screen.getByText("Wali Kota Salatiga")).toBeInTheDocument();
    await new Promise((r) => setTimeout(r, 0));
    expect(calls(spy)).not.toContain("GET /api/taxonomy/regions");
  });

  it("shows the office and the place the server named, without fetching the region list", async () => {
    const spy = setup(
      makeAuthor({
        title: "Wali Kota Salatiga",
        affiliation: { kind: "region", code: "33.73" },
        place: "Kota Salatiga, Jawa Tengah",
      }),
    );
    expect(screen.getByText("Wali Kota Salatiga · Kota Salatiga, Jawa Tengah")).toBeInTheDocument();
    const bare = setup(
      makeAuthor({
        title: "",
        affiliation: { kind: "region", code: "33.73" },
        place: "Kota Salatiga, Jawa Tengah",
      }),
    );
    expect(screen.getByText("Kota Salatiga, Jawa Tengah")).toBeInTheDocument();
    await new Promise((r) => setTimeout(r, 0));
    expect(calls(spy)).not.toContain("GET /api/taxonomy/regions");
    expect(calls(bare)).not.toContain("GET /api/taxonomy/regions");
  });

  it("names the region from the list for an older payload without a place and no office", async () => {
    const spy = setup(makeAuthor({ title: "", affiliation: { kind: "region", code: "33.73" } }));
    expect(await screen.findByText(/Kota Salatiga/)).toBeInTheDocument();
    await waitFor(() => expect(calls(spy)).toContain("GET /api/taxonomy/regions"));
  });
});
