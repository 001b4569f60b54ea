import { screen, waitFor, within } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { describe, expect, it } from "vitest";
import type { QaAnalyticsDto } from "@rembuk/shared";
import { apiError, calls, json, mockFetch } from "../../test/http";
import { renderRoute } from "../../test/render";
import { QaAnalyticsPage } from "./QaAnalyticsPage";
import { poll } from "./test/fixtures";

const analytics: QaAnalyticsDto = {
  sessionId: "s1",
  title: "Tanya jawab Smart Kampung",
  locale: "id",
  generatedAt: "2026-11-20T03:00:00.000Z",
  bucketMinutes: 5,
  participants: {
    total: 1250,
    members: 50,
    guests: 1200,
    joined: [
      { at: "2026-11-20T02:00:00.000Z", count: 1000 },
      { at: "2026-11-20T02:05:00.000Z", count: 250 },
      { at: "2026-11-20T02:10:00.000Z", count: 0 },
    ],
  },
  questions: { asked: 40, pending: 2, approved: 30, answered: 12, dismissed: 8 },
  votes: { total: 5321, voters: 900 },
  topQuestions: [{ id: "q1", text: "Berapa biaya per desa?", votes: 420, status: "answered" }],
  polls: [poll({ status: "closed", results: { total: 800, counts: [400, 300, 100] } })],
};

describe("Q&A analytics page", () => {
  it("shows the figures, participants joining over time, top questions, poll results and the export", async () => {
    mockFetch({ "GET /api/qa/s1/analytics": () => json(200, { analytics }) });
    renderRoute(<QaAnalyticsPage />, { path: "/qa/:id/analytics", url: "/qa/s1/analytics" });
    expect(await screen.findByRole("heading", { name: "Tanya jawab Smart Kampung" })).toBeInTheDocument();
    expect(screen.getByTestId("qa-analytics-participants")).toHaveTextContent("1.250Peserta");
    expect(screen.getByTestId("qa-analytics-participants")).toHaveTextContent("Anggota: 50 · Tamu: 1.200");
    expect(screen.getByTestId("qa-analytics-votes")).toHaveTextContent("5.321");
    expect(screen.getByTestId("qa-analytics-answered")).toHaveTextContent("12");
    const bars = within(screen.getByTestId("qa-analytics-joined")).getAllByRole("listitem");
    expect(bars).toHaveLength(3);
    expect(bars[0]?.querySelector(".qa-chart__fill")).toHaveStyle({ height: "100%" });
    expect(bars[1]?.querySelector(".qa-chart__fill")).toHaveStyle({ height: "25%" });
    expect(bars[1]).toHaveAccessibleName(/: 250 bergabung$/);
    expect(screen.getByTestId("qa-analytics-top")).toHaveTextContent("420Berapa biaya per desa?");
    expect(within(screen.getByTestId("qa-analytics-poll")).getAllByTestId("poll-bar")[0]).toHaveTextContent(
      "50% · 400",
    );
    expect(screen.getByTestId("qa-analytics-export")).toHaveAttribute("href", "/api/qa/s1/analytics.csv");
  });

  it("fetches the figures again on Refresh (they move while the session is live)", async () => {
    let asked = 40;
    const fetch = mockFetch({
      "GET /api/qa/s1/analytics": () =>
        json(200, { analytics: { ...analytics, questions: { ...analytics.questions, asked: asked++ } } }),
    });
    renderRoute(<QaAnalyticsPage />, { path: "/qa/:id/analytics", url: "/qa/s1/analytics" });
    expect(await screen.findByTestId("qa-analytics-asked")).toHaveTextContent("40");
    await userEvent.click(screen.getByTestId("qa-analytics-refresh"));
    await waitFor(() => expect(screen.getByTestId("qa-analytics-asked")).toHaveTextContent("41"));
    expect(calls(fetch)).toEqual(["GET /api/qa/s1/analytics", "GET /api/qa/s1/analytics"]);
  });

  it("tells a participant that analytics are for hosts and moderators", async () => {
    mockFetch({ "GET /api/qa/s1/analytics": () => apiError(403, "FORBIDDEN") });
    renderRoute(<QaAnalyticsPage />, { path: "/qa/:id/analytics", url: "/qa/s1/analytics" });
    expect(
      await screen.findByText("Analitik hanya untuk tuan rumah dan moderator sesi."),
    ).toBeInTheDocument();
  });
});
