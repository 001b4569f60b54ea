import { screen } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { describe, expect, it } from "vitest";
import { useStore } from "../../store";
import { makeUser } from "../../test/fixtures";
import { apiError, calls, json, mockFetch } from "../../test/http";
import { renderRoute } from "../../test/render";
import { RegisterPage } from "./RegisterPage";

function renderRegister() {
  useStore.setState({ sessionStatus: "guest" });
  return renderRoute(<RegisterPage />, { path: "/register" });
}

async function fill({
  name = "Rina Wulandari",
  email = "rina@contoh.go.id",
  password = "rahasia-negara-1",
} = {}) {
  const user = userEvent.setup();
  if (name) await user.type(screen.getByTestId("register-name"), name);
  if (email) await user.type(screen.getByTestId("register-email"), email);
  if (password) await user.type(screen.getByTestId("register-password"), password);
  await user.click(screen.getByTestId("register-submit"));
}

describe("RegisterPage", () => {
  it("validates with the shared schema and shows each error next to its field", async () => {
    const spy = mockFetch({});
    renderRegister();
    await fill({ name: "R", password: "pendek" });
    expect(screen.getByTestId("register-name-error")).toHaveTextContent("Minimal 2 karakter.");
    expect(screen.getByTestId("register-password-error")).toHaveTextContent("Minimal 8 karakter.");
    expect(screen.queryByTestId("register-email-error")).not.toBeInTheDocument();
    expect(calls(spy)).toEqual([]);
  });

  it("shows a taken email next to the email field", async () => {
    mockFetch({ "POST /api/auth/register": () => apiError(409, "EMAIL_TAKEN", "Email already registered") });
    renderRegister();
    await fill();
    expect(await screen.findByTestId("register-email-error")).toHaveTextContent("Email ini sudah terdaftar.");
    expect(screen.getByTestId("register-email")).toHaveAttribute("aria-invalid", "true");
    expect(useStore.getState().currentUserId).toBeNull();
  });

  it("shows server field errors from error.details next to their fields", async () => {
    mockFetch({
      "POST /api/auth/register": () =>
        apiError(400, "VALIDATION", "Invalid", { name: ["Nama mengandung karakter terlarang"] }),
    });
    renderRegister();
    await fill();
    expect(await screen.findByTestId("register-name-error")).toHaveTextContent(
      "Nama mengandung karakter terlarang",
    );
    expect(screen.getByRole("alert")).toHaveTextContent("Periksa kembali isian yang ditandai.");
  });

  it("signs the new user in and opens the profile form", async () => {
    const user = makeUser({ name: "Rina Wulandari" });
    mockFetch({ "POST /api/auth/register": () => json(201, { user }) });
    renderRegister();
    await fill();
    expect(await screen.findByTestId("location")).toHaveTextContent("/profile/edit?welcome=1");
    expect(useStore.getState()).toMatchObject({ currentUserId: user.id, sessionStatus: "signedIn" });
  });
});
