import { describe, expect, it } from "vitest";
import { useStore } from "../../store";
import { makeUser } from "../../test/fixtures";
import { outcomeToast } from "./verification.slice";

describe("outcomeToast", () => {
  it("tells an approval, a rejection of a waiting request and a revocation, with the reason", () => {
    expect(
      outcomeToast(
        { status: "pending" },
        false,
        makeUser({ verified: true, verification: { status: "verified" } }),
      ),
    ).toMatchObject({
      tone: "success",
      message: "verification.toast.approved",
    });
    expect(
      outcomeToast(
        { status: "pending" },
        false,
        makeUser({ verification: { status: "rejected", reason: "SK tidak sah." } }),
      ),
    ).toEqual({ tone: "info", message: "verification.toast.rejected", reason: "SK tidak sah." });
    expect(
      outcomeToast(
        { status: "verified" },
        true,
        makeUser({ verified: false, verification: { status: "rejected", reason: "Sudah tidak menjabat." } }),
      ),
    ).toEqual({ tone: "info", message: "verification.toast.revoked", reason: "Sudah tidak menjabat." });
  });

  it("says nothing when the status did not change or the person asked for nothing", () => {
    expect(
      outcomeToast({ status: "pending" }, false, makeUser({ verification: { status: "pending" } })),
    ).toBeNull();
    expect(outcomeToast(undefined, false, makeUser())).toBeNull();
    expect(
      outcomeToast({ status: "none" }, false, makeUser({ verification: { status: "none" } })),
    ).toBeNull();
  });
});

describe("internal_selfUpdated", () => {
  it("ignores another user's account and only toasts the signed-in person's own outcome", () => {
    const me = makeUser({ verification: { status: "pending" } });
    useStore.setState({ currentUserId: me.id, sessionStatus: "signedIn" });
    useStore.getState().internal_receiveUsers([me]);
    useStore
      .getState()
      .internal_selfUpdated(
        makeUser({ id: "64b0000000000000000000ff", verified: true, verification: { status: "verified" } }),
      );
    expect(useStore.getState().toastOrder).toHaveLength(0);
    useStore
      .getState()
      .internal_selfUpdated(makeUser({ verified: true, verification: { status: "verified" } }));
    const { toastOrder, toastsById } = useStore.getState();
    expect(toastOrder.map((id) => toastsById[id].message)).toEqual(["verification.toast.approved"]);
    expect(useStore.getState().usersById[me.id].verified).toBe(true);
  });
});
