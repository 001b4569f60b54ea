import type { MessageKey, MessageParams } from "../../lib/i18n";
import type { SliceCreator } from "../../store/types";

export type ToastTone = "info" | "success" | "error";

/** Toasts keep a message key, not text, so they follow a language switch while visible. */
export interface Toast {
  id: string;
  tone: ToastTone;
  message: MessageKey;
  params?: MessageParams;
}

export interface ToastsSlice {
  toastsById: Record<string, Toast>;
  toastOrder: string[];
  pushToast: (toast: Omit<Toast, "id">) => string;
  dismissToast: (id: string) => void;
}

/** At most this many toasts stay on screen; the oldest goes first. */
export const MAX_TOASTS = 3;
let counter = 0;

export const createToastsSlice: SliceCreator<ToastsSlice> = (set) => ({
  toastsById: {},
  toastOrder: [],
  pushToast: (toast) => {
    counter += 1;
    const id = `t${counter}`;
    set((s) => {
      const order = [...s.toastOrder, id];
      const byId: Record<string, Toast> = { ...s.toastsById, [id]: { ...toast, id } };
      while (order.length > MAX_TOASTS) {
        const dropped = order.shift();
        if (dropped) delete byId[dropped];
      }
      return { toastOrder: order, toastsById: byId };
    });
    return id;
  },
  dismissToast: (id) =>
    set((s) => {
      if (!s.toastsById[id]) return s;
      const byId = { ...s.toastsById };
      delete byId[id];
      return { toastsById: byId, toastOrder: s.toastOrder.filter((t) => t !== id) };
    }),
});
