import { describe, expect, it } from "vitest";
import { ApiError } from "../../lib/api";
import { CommandError } from "../../lib/socket";
import { qaErrorMessage } from "./qa.errors";

describe("qaErrorMessage", () => {
  it("explains a guest's refusals by code, from a socket ack or a REST answer alike", () => {
    expect(qaErrorMessage(new CommandError("BLOCKED", "Blocked"))).toBe("qa.guest.blocked");
    expect(qaErrorMessage(new ApiError({ status: 403, code: "WATCH_ONLY", message: "x" }))).toBe(
      "qa.guest.watchOnly",
    );
    expect(qaErrorMessage(new CommandError("GUESTS_OFF", "x"))).toBe("qa.guest.off");
    expect(qaErrorMessage(new CommandError("RATE_LIMITED", "x"))).toBe("qa.toast.rateLimited");
    expect(qaErrorMessage(new Error("boom"))).toBe("qa.toast.failed");
  });
});
