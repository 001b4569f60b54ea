import { describe, expect, it } from "vitest";
import { apiFilters, filtersFromParams, paramsFromFilters } from "./directory.url";

describe("directory filters in the URL", () => {
  it("round-trips every filter", () => {
    const filters = filtersFromParams(
      new URLSearchParams(
        "province=33&region=33.73&sector=1.02&stage=trial&sdg=3&featured=true&hasAdoptions=false&sort=adopted",
      ),
    );
    expect(filters).toEqual({
      province: "33",
      region: "33.73",
      sector: "1.02",
      stage: "trial",
      sdg: 3,
      featured: true,
      hasAdoptions: false,
      sort: "adopted",
    });
    expect(paramsFromFilters(filters).toString()).toBe(
      "province=33&region=33.73&sector=1.02&stage=trial&sdg=3&featured=true&hasAdoptions=false&sort=adopted",
    );
  });

  it("ignores anything malformed instead of failing the page", () => {
    expect(
      filtersFromParams(
        new URLSearchParams("province=3&sector=kesehatan&stage=done&sdg=18&sort=popular&featured=maybe"),
      ),
    ).toEqual({
      sort: "recent",
    });
  });

  it("drops a kabupaten/kota outside the chosen province, and implies the province of one alone", () => {
    expect(filtersFromParams(new URLSearchParams("province=35&region=33.73"))).toEqual({
      province: "35",
      sort: "recent",
    });
    expect(filtersFromParams(new URLSearchParams("region=33.73"))).toEqual({
      province: "33",
      region: "33.73",
      sort: "recent",
    });
    expect(apiFilters({ province: "33", region: "33.73", sort: "recent" })).toMatchObject({
      region: "33.73",
      province: undefined,
    });
  });

  it("leaves the default sort out of the URL", () => {
    expect(paramsFromFilters({ sort: "recent" }).toString()).toBe("");
  });
});
