import { act, render, screen } from "@testing-library/react";
import { describe, expect, it } from "vitest";
import { useStore } from "../store";
import { interpolate, translate, useT } from "./i18n";
import { readStoredLocale } from "./locale";

describe("translate", () => {
  it("looks keys up in the chosen language", () => {
    expect(translate("id", "shell.guest.login")).toBe("Masuk");
    expect(translate("en", "shell.guest.login")).toBe("Sign in");
  });

  it("fills placeholders and leaves unknown ones visible", () => {
    expect(translate("id", "users.joined", { date: "3 Maret 2025" })).toBe("Bergabung 3 Maret 2025");
    expect(interpolate("{a} dan {b}", { a: 1 })).toBe("1 dan {b}");
  });
});

function Probe() {
  const t = useT();
  return <p>{t("shell.user.logout")}</p>;
}

describe("useT", () => {
  it("re-renders with the new language when the locale changes", () => {
    render(<Probe />);
    expect(screen.getByText("Keluar")).toBeInTheDocument();
    act(() => useStore.getState().internal_adoptLocale("en"));
    expect(screen.getByText("Sign out")).toBeInTheDocument();
  });
});

describe("stored locale", () => {
  it("defaults to Indonesian and ignores junk in storage", () => {
    expect(readStoredLocale()).toBe("id");
    localStorage.setItem("rembuk.locale", "fr");
    expect(readStoredLocale()).toBe("id");
    localStorage.setItem("rembuk.locale", "en");
    expect(readStoredLocale()).toBe("en");
  });
});
