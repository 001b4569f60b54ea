import { describe, expect, it } from "vitest";
import { ApiError } from "../../lib/api";
import { apiErrorFromAck } from "../../lib/api";
import { qaErrorMessage } from "./qa.errors";

describe("qaErrorMessage", () => {
  it("explains a guest's refusals by code, from a socket ack or a REST answer alike", () => {
    expect(qaErrorMessage(apiErrorFromAck({ code: "BLOCKED", message: "Blocked" }))).toBe("qa.guest.blocked");
    expect(qaErrorMessage(new ApiError({ status: 403, code: "WATCH_ONLY", message: "x" }))).toBe(
      "qa.guest.watchOnly",
    );
    expect(qaErrorMessage(apiErrorFromAck({ code: "GUESTS_OFF", message: "x" }))).toBe("qa.guest.off");
    expect(qaErrorMessage(apiErrorFromAck({ code: "RATE_LIMITED", message: "x" }))).toBe(
      "qa.toast.rateLimited",
    );
    expect(qaErrorMessage(new Error("boom"))).toBe("qa.toast.failed");
  });
});
