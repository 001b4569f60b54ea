import { screen, within } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { describe, expect, it } from "vitest";
import type { OutboxMessageDto } from "@rembuk/shared";
import { useStore } from "../../store";
import { makeUser } from "../../test/fixtures";
import { json, mockFetch } from "../../test/http";
import { renderRoute } from "../../test/render";
import { OutboxPage } from "./OutboxPage";

function message(overrides: Partial<OutboxMessageDto> = {}): OutboxMessageDto {
  return {
    id: "64d000000000000000000001",
    kind: "reset-password",
    to: "siti@banyuwangikab.go.id",
    subject: "Rembuk: buat kata sandi baru",
    text: "Buka tautan ini: http://localhost:3000/reset-password?token=abc",
    html: "<p>Buka tautan ini</p>",
    status: "sent",
    attempts: 1,
    lastError: null,
    createdAt: "2025-03-14T08:00:00.000Z",
    sentAt: "2025-03-14T08:00:01.000Z",
    nextAttemptAt: null,
    ...overrides,
  };
}

describe("OutboxPage", () => {
  it("lists messages with their status, attempts and last error, filters by status and reads a body", async () => {
    const admin = makeUser({ role: "admin" });
    useStore.setState({ sessionStatus: "signedIn", currentUserId: admin.id });
    useStore.getState().internal_receiveUsers([admin]);
    const failed = message({
      id: "64d000000000000000000002",
      status: "failed",
      attempts: 5,
      lastError: "connect ECONNREFUSED 127.0.0.1:2525",
      sentAt: null,
    });
    const spy = mockFetch({
      "GET /api/admin/outbox": ({ url }) =>
        json(200, {
          messages: url.searchParams.get("status") === "failed" ? [failed] : [message(), failed],
          nextCursor: null,
          delivery: "smtp",
        }),
    });
    renderRoute(<OutboxPage />);
    const items = await screen.findAllByTestId("outbox-item");
    expect(items).toHaveLength(2);
    expect(within(items[0]).getByTestId("outbox-status")).toHaveTextContent("Terkirim");
    expect(within(items[1]).getByTestId("outbox-status")).toHaveTextContent("Gagal");
    expect(within(items[1]).getByTestId("outbox-error")).toHaveTextContent("ECONNREFUSED");
    expect(items[1]).toHaveTextContent("5 percobaan");

    await userEvent.click(within(items[0]).getByTestId("outbox-toggle"));
    expect(within(items[0]).getByTestId("outbox-text")).toHaveTextContent("/reset-password?token=abc");

    await userEvent.click(screen.getByTestId("outbox-filter-failed"));
    await expect.poll(() => screen.getAllByTestId("outbox-item").length).toBe(1);
    expect(spy.mock.calls.some(([input]) => String(input).includes("status=failed"))).toBe(true);
  });

  it("is for admins only", () => {
    const member = makeUser();
    useStore.setState({ sessionStatus: "signedIn", currentUserId: member.id });
    useStore.getState().internal_receiveUsers([member]);
    const spy = mockFetch({});
    renderRoute(<OutboxPage />);
    expect(screen.getByRole("heading", { level: 1 })).toHaveTextContent("Halaman ini hanya untuk admin.");
    expect(spy).not.toHaveBeenCalled();
  });
});
