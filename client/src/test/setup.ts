import "@testing-library/jest-dom/vitest";
import { cleanup, configure } from "@testing-library/react";
import { afterEach, beforeEach, vi } from "vitest";
import { loadDictionary } from "../lib/i18n";
import { useStore } from "../store";

// The app fetches a language's strings before showing it; tests have both at hand from the start.
await Promise.all([loadDictionary("id"), loadDictionary("en")]);

// A whole app rendered in jsdom on a busy 2-core CI machine can take more than Testing Library's
// default 1 s to show what a test waits for; the wait ends as soon as it appears.
configure({ asyncUtilTimeout: 5_000 });

// jsdom has no layout: scrolling is a no-op rather than a "not implemented" warning.
window.scrollTo = () => undefined;
Element.prototype.scrollIntoView = () => undefined;

// A snapshot of the store as the app starts, restored before every test (actions included).
const initialState = useStore.getState();

beforeEach(() => {
  localStorage.clear();
  useStore.setState(initialState, true);
  document.documentElement.lang = "id";
});

afterEach(() => {
  cleanup();
  vi.unstubAllGlobals();
  vi.restoreAllMocks();
  vi.useRealTimers();
});
