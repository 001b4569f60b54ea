import { screen, within } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { describe, expect, it } from "vitest";
import { useStore } from "../../store";
import { makeUser } from "../../test/fixtures";
import { apiError, bodyOf, calls, json, mockFetch } from "../../test/http";
import { renderRoute } from "../../test/render";
import { LoginPage } from "./LoginPage";

function renderLogin(url = "/login") {
  useStore.setState({ sessionStatus: "guest" });
  return renderRoute(<LoginPage />, { path: "/login", url });
}

async function fillAndSubmit(email: string, password: string) {
  const user = userEvent.setup();
  if (email) await user.type(screen.getByTestId("login-email"), email);
  if (password) await user.type(screen.getByTestId("login-password"), password);
  await user.click(screen.getByTestId("login-submit"));
}

describe("LoginPage", () => {
  it("asks for both fields when the form is submitted empty", async () => {
    const spy = mockFetch({});
    renderLogin();
    await fillAndSubmit("", "");
    expect(screen.getByTestId("login-email-error")).toHaveTextContent("Wajib diisi.");
    expect(screen.getByTestId("login-password-error")).toHaveTextContent("Wajib diisi.");
    expect(calls(spy)).toEqual([]);
  });

  it("shows translated field errors and sends nothing when the form is invalid", async () => {
    const spy = mockFetch({});
    renderLogin();
    await fillAndSubmit("bukan-email", "");
    expect(screen.getByTestId("login-email-error")).toHaveTextContent(/Masukkan alamat email yang valid/);
    expect(screen.getByTestId("login-password-error")).toHaveTextContent("Wajib diisi.");
    expect(screen.getByTestId("login-email")).toHaveAttribute("aria-invalid", "true");
    expect(calls(spy)).toEqual([]);
  });

  it("shows a form-level alert for wrong credentials", async () => {
    mockFetch({
      "POST /api/auth/login": () => apiError(401, "INVALID_CREDENTIALS", "Invalid email or password"),
    });
    renderLogin();
    await fillAndSubmit("siti@contoh.go.id", "salah-sandi");
    const alert = await screen.findByRole("alert");
    expect(alert).toHaveTextContent("Email atau kata sandi salah.");
    expect(alert).not.toHaveTextContent("Invalid email");
    expect(useStore.getState().currentUserId).toBeNull();
  });

  it("explains the throttle: how long to wait, until when, and the reset link as the way out", async () => {
    mockFetch({
      "POST /api/auth/login": () => apiError(429, "RATE_LIMITED", "Too many", { retryAfterSeconds: 600 }),
    });
    renderLogin();
    await fillAndSubmit("siti@contoh.go.id", "rahasia123");
    const alert = await screen.findByTestId("login-error");
    expect(alert).toHaveTextContent("Terlalu banyak percobaan masuk yang gagal dari alamat ini");
    expect(alert).toHaveTextContent(/Coba lagi dalam 10 menit \(sekitar pukul \d{2}[.:]\d{2}\)/);
    expect(alert).toHaveTextContent("Lupa kata sandi?");
    expect(screen.getByTestId("login-forgot")).toHaveAttribute("href", "/forgot-password");
  });

  it("signs in with the normalised email and goes to the requested page", async () => {
    const user = makeUser();
    const spy = mockFetch({ "POST /api/auth/login": () => json(200, { user }) });
    renderLogin("/login?next=%2Fprofile%2Fedit");
    expect(screen.getByRole("alert")).toHaveTextContent("Silakan masuk");
    await fillAndSubmit(" Siti@Contoh.GO.ID", "rahasia123");
    expect(await screen.findByTestId("location")).toHaveTextContent("/profile/edit");
    expect(bodyOf(spy, "POST /api/auth/login")).toEqual({
      email: "siti@contoh.go.id",
      password: "rahasia123",
    });
    expect(useStore.getState().currentUserId).toBe(user.id);
  });

  it("never follows an off-site next parameter", async () => {
    mockFetch({ "POST /api/auth/login": () => json(200, { user: makeUser() }) });
    renderLogin("/login?next=%2F%2Fevil.example");
    await fillAndSubmit("siti@contoh.go.id", "rahasia123");
    expect(await screen.findByTestId("location")).toHaveTextContent(/^\/$/);
  });

  it("is in English when the locale is English", () => {
    useStore.getState().internal_adoptLocale("en");
    renderLogin();
    const form = screen.getByRole("form", { name: "Sign in to Rembuk" });
    expect(within(form).getByRole("button", { name: "Sign in" })).toBeInTheDocument();
    expect(within(form).getByLabelText("Password")).toBeInTheDocument();
  });
});
