import { screen } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { beforeEach, describe, expect, it, vi } from "vitest";
import { useStore } from "../../store";
import { renderRoute } from "../../test/render";
import type { OutboxEntry } from "./outbox";
import { OutboxItem } from "./OutboxItem";
import { THREAD_ID } from "./test/fixtures";

const entry = (o: Partial<OutboxEntry> = {}): OutboxEntry => ({
  clientId: "sameclient1",
  threadId: THREAD_ID,
  userId: "u1",
  body: "Balasan saya",
  replyTo: null,
  createdAt: "2026-01-01T00:00:00.000Z",
  status: "failed",
  error: { code: "NETWORK", retryAt: null },
  ...o,
});

beforeEach(() => useStore.setState({ currentUserId: "u1" }));

describe("OutboxItem", () => {
  it("a failed send explains itself and retries with the same clientId", async () => {
    const retry = vi.fn();
    useStore.setState({ retryPost: retry });
    renderRoute(<OutboxItem entry={entry()} />);
    expect(screen.getByTestId("outbox-error")).toHaveTextContent("koneksi terputus");
    await userEvent.click(screen.getByTestId("outbox-retry"));
    expect(retry).toHaveBeenCalledWith("sameclient1");
  });

  it("while sending there is nothing to press", () => {
    renderRoute(<OutboxItem entry={entry({ status: "sending", error: null })} />);
    expect(screen.getByText("Mengirim…")).toBeInTheDocument();
    expect(screen.queryByTestId("outbox-retry")).not.toBeInTheDocument();
  });

  it("slow mode says when, and the retry waits until then", () => {
    renderRoute(<OutboxItem entry={entry({ error: { code: "SLOW_MODE", retryAt: Date.now() + 25_000 } })} />);
    expect(screen.getByTestId("outbox-error")).toHaveTextContent(/Mode lambat.*25 detik/);
    expect(screen.getByTestId("outbox-retry")).toBeDisabled();
  });
});
