import { StrictMode } from "react";
import { screen } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { describe, expect, it } from "vitest";
import { useStore } from "../../store";
import { makeUser } from "../../test/fixtures";
import { apiError, bodyOf, calls, json, mockFetch } from "../../test/http";
import { renderRoute } from "../../test/render";
import { ConfirmEmailPage } from "./ConfirmEmailPage";
import { ForgotPasswordPage } from "./ForgotPasswordPage";
import { ResetPasswordPage } from "./ResetPasswordPage";

const TOKEN = "aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa";

describe("ForgotPasswordPage", () => {
  it("says the same thing for any address and never tells whether it is registered", async () => {
    const spy = mockFetch({ "POST /api/auth/forgot": () => json(202, { ok: true }) });
    renderRoute(<ForgotPasswordPage />, { path: "/forgot-password" });
    await userEvent.type(screen.getByTestId("forgot-email"), " Siti@Contoh.go.id ");
    await userEvent.click(screen.getByTestId("forgot-submit"));
    expect(await screen.findByTestId("forgot-sent")).toHaveTextContent(
      "Jika siti@contoh.go.id terdaftar di Rembuk, tautan untuk membuat kata sandi baru sudah dikirim",
    );
    expect(bodyOf(spy, "POST /api/auth/forgot")).toEqual({ email: "siti@contoh.go.id" });
  });

  it("checks the address before sending", async () => {
    const spy = mockFetch({});
    renderRoute(<ForgotPasswordPage />, { path: "/forgot-password" });
    await userEvent.type(screen.getByTestId("forgot-email"), "bukan-email");
    await userEvent.click(screen.getByTestId("forgot-submit"));
    expect(screen.getByTestId("forgot-email-error")).toBeInTheDocument();
    expect(calls(spy)).toEqual([]);
  });
});

describe("ResetPasswordPage", () => {
  it("sets the new password, signs in and goes home", async () => {
    useStore.setState({ sessionStatus: "guest" });
    const user = makeUser();
    const spy = mockFetch({ "POST /api/auth/reset": () => json(200, { user }) });
    renderRoute(<ResetPasswordPage />, { path: "/reset-password", url: `/reset-password?token=${TOKEN}` });
    await userEvent.type(screen.getByTestId("reset-password"), "baru-sekali-2");
    await userEvent.type(screen.getByTestId("reset-repeat"), "baru-sekali-2");
    await userEvent.click(screen.getByTestId("reset-submit"));
    expect(await screen.findByTestId("location")).toHaveTextContent(/^\/$/);
    expect(bodyOf(spy, "POST /api/auth/reset")).toEqual({ token: TOKEN, password: "baru-sekali-2" });
    expect(useStore.getState().currentUserId).toBe(user.id);
  });

  it("explains a used or expired link and offers a new one", async () => {
    useStore.setState({ sessionStatus: "guest" });
    mockFetch({ "POST /api/auth/reset": () => apiError(400, "INVALID_TOKEN") });
    renderRoute(<ResetPasswordPage />, { path: "/reset-password", url: `/reset-password?token=${TOKEN}` });
    await userEvent.type(screen.getByTestId("reset-password"), "baru-sekali-2");
    await userEvent.type(screen.getByTestId("reset-repeat"), "baru-sekali-2");
    await userEvent.click(screen.getByTestId("reset-submit"));
    expect(await screen.findByTestId("reset-invalid")).toHaveTextContent("Tautan ini tidak berlaku lagi");
    expect(screen.getByTestId("reset-again")).toHaveAttribute("href", "/forgot-password");
    expect(useStore.getState().currentUserId).toBeNull();
  });

  it("treats a link without a token as dead without asking the server", () => {
    const spy = mockFetch({});
    renderRoute(<ResetPasswordPage />, { path: "/reset-password" });
    expect(screen.getByTestId("reset-invalid")).toBeInTheDocument();
    expect(calls(spy)).toEqual([]);
  });
});

describe("ConfirmEmailPage", () => {
  it("confirms an official address once, even when React renders the page twice", async () => {
    const spy = mockFetch({
      "POST /api/auth/confirm-email": () => json(200, { user: makeUser(), confirmed: "officialEmail" }),
    });
    renderRoute(
      <StrictMode>
        <ConfirmEmailPage />
      </StrictMode>,
      { path: "/confirm-email", url: `/confirm-email?token=${TOKEN}` },
    );
    const done = await screen.findByTestId("confirm-done");
    expect(done).toHaveAttribute("data-confirmed", "officialEmail");
    expect(done).toHaveTextContent("Email resmi sudah dikonfirmasi");
    expect(calls(spy).filter((c) => c === "POST /api/auth/confirm-email")).toHaveLength(1);
  });

  it("says a used link no longer works", async () => {
    mockFetch({ "POST /api/auth/confirm-email": () => apiError(400, "INVALID_TOKEN") });
    renderRoute(<ConfirmEmailPage />, {
      path: "/confirm-email",
      url: "/confirm-email?token=bbbbbbbbbbbbbbbbbbbbbbbbbbbbbb",
    });
    expect(await screen.findByTestId("confirm-failed")).toHaveTextContent("Tautan ini tidak berlaku lagi");
  });
});
