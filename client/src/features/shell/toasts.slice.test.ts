import { describe, expect, it } from "vitest";
import { useStore } from "../../store";
import { MAX_TOASTS } from "./toasts.slice";

const state = () => useStore.getState();

describe("toasts slice", () => {
  it("adds and dismisses toasts by id", () => {
    const id = state().pushToast({ tone: "success", message: "users.edit.saved" });
    expect(state().toastOrder).toEqual([id]);
    expect(state().toastsById[id]).toMatchObject({ tone: "success", message: "users.edit.saved" });
    state().dismissToast(id);
    expect(state().toastOrder).toEqual([]);
    expect(state().toastsById).toEqual({});
  });

  it(`keeps at most ${MAX_TOASTS}, dropping the oldest`, () => {
    const ids = Array.from({ length: MAX_TOASTS + 2 }, () =>
      state().pushToast({ tone: "info", message: "ui.loading" }),
    );
    expect(state().toastOrder).toEqual(ids.slice(2));
    expect(Object.keys(state().toastsById).sort()).toEqual(ids.slice(2).sort());
  });
});
