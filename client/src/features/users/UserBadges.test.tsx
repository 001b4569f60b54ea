import { screen } from "@testing-library/react";
import { describe, expect, it } from "vitest";
import { renderRoute } from "../../test/render";
import { useStore } from "../../store";
import { OfficeMark } from "./UserBadges";

describe("OfficeMark", () => {
  it("marks a stated but unchecked office as not verified, in Indonesian first", () => {
    renderRoute(
      <OfficeMark
        person={{
          verified: false,
          title: "Gubernur Jawa Tengah",
          affiliation: { kind: "region", code: "33" },
        }}
      />,
    );
    expect(screen.getByTestId("unverified-badge")).toHaveTextContent("Belum terverifikasi");
    expect(screen.queryByTestId("verified-badge")).toBeNull();
  });

  it("marks an affiliation without a title too: the region alone is a claim", () => {
    renderRoute(
      <OfficeMark person={{ verified: false, title: "", affiliation: { kind: "agency", name: "LAN" } }} />,
    );
    expect(screen.getByTestId("unverified-badge")).toBeInTheDocument();
  });

  it("shows the verified seal for a verified office", () => {
    renderRoute(<OfficeMark person={{ verified: true, title: "Bupati Banyuwangi", affiliation: null }} />);
    expect(screen.getByTestId("verified-badge")).toHaveTextContent("Terverifikasi");
    expect(screen.queryByTestId("unverified-badge")).toBeNull();
  });

  it("shows nothing for someone who states no office", () => {
    const { container } = renderRoute(
      <OfficeMark person={{ verified: false, title: "  ", affiliation: null }} />,
    );
    expect(container.querySelector(".badge")).toBeNull();
  });

  it("speaks English when the locale is English", () => {
    useStore.setState({ locale: "en" });
    renderRoute(<OfficeMark person={{ verified: false, title: "Wali Kota", affiliation: null }} />);
    expect(screen.getByTestId("unverified-badge")).toHaveTextContent("Not verified");
  });
});
