import { screen, within } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { describe, expect, it } from "vitest";
import { useStore } from "../../store";
import { makeUser, REGIONS } from "../../test/fixtures";
import { apiError, bodyOf, calls, json, mockFetch } from "../../test/http";
import { renderRoute } from "../../test/render";
import { AccountPage } from "./AccountPage";

const CHROME_ANDROID =
  "Mozilla/5.0 (Linux; Android 14) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0.0.0 Mobile Safari/537.36";
const FIREFOX_LINUX = "Mozilla/5.0 (X11; Linux x86_64; rv:133.0) Gecko/20100101 Firefox/133.0";

const sessions = (withOther: boolean) => ({
  sessions: [
    ...(withOther
      ? [
          {
            id: "s2",
            current: false,
            createdAt: "2025-03-01T08:00:00.000Z",
            lastSeenAt: "2025-03-02T08:00:00.000Z",
            userAgent: FIREFOX_LINUX,
          },
        ]
      : []),
    {
      id: "s1",
      current: true,
      createdAt: "2025-03-10T08:00:00.000Z",
      lastSeenAt: "2025-03-10T09:00:00.000Z",
      userAgent: CHROME_ANDROID,
    },
  ],
});

function signIn(overrides: Parameters<typeof makeUser>[0] = {}) {
  const user = makeUser({ emailConfirmed: true, verification: { status: "none" }, ...overrides });
  useStore.setState({ sessionStatus: "signedIn", currentUserId: user.id });
  useStore.getState().internal_receiveUsers([user]);
  return user;
}

function routes(extra: Parameters<typeof mockFetch>[0] = {}) {
  let others = true;
  return mockFetch({
    "GET /api/auth/sessions": () => json(200, sessions(others)),
    "DELETE /api/auth/sessions/others": () => {
      others = false;
      return new Response(null, { status: 204 });
    },
    "GET /api/users/64b000000000000000000001/verification": () => json(200, { request: null }),
    "GET /api/taxonomy/regions": () => json(200, { regions: REGIONS }),
    ...extra,
  });
}

describe("AccountPage", () => {
  it("lists the devices with this one first and signs the others out", async () => {
    signIn();
    const spy = routes();
    renderRoute(<AccountPage />, { path: "/account" });
    const items = await screen.findAllByTestId("session-item");
    expect(items).toHaveLength(2);
    expect(items[0]).toHaveTextContent("Chrome di Android");
    expect(within(items[0]).getByTestId("session-current")).toHaveTextContent("Perangkat ini");
    expect(items[1]).toHaveTextContent("Firefox di Linux");

    await userEvent.click(screen.getByTestId("sessions-sign-out-others"));
    expect(await screen.findByText("Semua perangkat lain sudah dikeluarkan.")).toBeInTheDocument();
    expect(await screen.findAllByTestId("session-item")).toHaveLength(1);
    expect(calls(spy)).toContain("DELETE /api/auth/sessions/others");
    expect(screen.getByTestId("sessions-sign-out-others")).toBeDisabled();
  });

  it("changes the password with the current one and says the other devices were signed out", async () => {
    const user = signIn();
    const spy = routes({
      "POST /api/auth/password": ({ body }) =>
        typeof body === "object" && body !== null && "current" in body && body.current === "lama-sekali-1"
          ? json(200, { user })
          : apiError(401, "INVALID_CREDENTIALS"),
    });
    renderRoute(<AccountPage />, { path: "/account" });
    const ue = userEvent.setup();
    await ue.type(screen.getByTestId("password-current"), "salah-sandi");
    await ue.type(screen.getByTestId("password-new"), "baru-sekali-2");
    await ue.type(screen.getByTestId("password-repeat"), "baru-sekali-2");
    await ue.click(screen.getByTestId("password-submit"));
    expect(await screen.findByTestId("password-current-error")).toHaveTextContent(
      "Kata sandi saat ini salah.",
    );
    expect(screen.queryByTestId("password-changed")).toBeNull();

    await ue.clear(screen.getByTestId("password-current"));
    await ue.type(screen.getByTestId("password-current"), "lama-sekali-1");
    await ue.click(screen.getByTestId("password-submit"));
    expect(await screen.findByTestId("password-changed")).toHaveTextContent(
      "Semua perangkat lain sudah dikeluarkan",
    );
    expect(bodyOf(spy, "POST /api/auth/password")).toEqual({
      current: "salah-sandi",
      password: "baru-sekali-2",
    });
    // The device list is read again after the change.
    expect(calls(spy).filter((c) => c === "GET /api/auth/sessions").length).toBeGreaterThanOrEqual(2);
  });

  it("refuses two different new passwords without asking the server", async () => {
    signIn();
    const spy = routes();
    renderRoute(<AccountPage />, { path: "/account" });
    const ue = userEvent.setup();
    await ue.type(screen.getByTestId("password-current"), "lama-sekali-1");
    await ue.type(screen.getByTestId("password-new"), "baru-sekali-2");
    await ue.type(screen.getByTestId("password-repeat"), "baru-sekali-3");
    await ue.click(screen.getByTestId("password-submit"));
    expect(screen.getByTestId("password-repeat-error")).toHaveTextContent("Kedua kata sandi tidak sama.");
    expect(calls(spy)).not.toContain("POST /api/auth/password");
  });

  it("shows an unconfirmed email, resends its link, and keeps the verification form closed until then", async () => {
    signIn({ emailConfirmed: false });
    const spy = routes({ "POST /api/auth/confirm-email/resend": () => json(202, { ok: true }) });
    renderRoute(<AccountPage />, { path: "/account" });
    expect(screen.getByTestId("email-unconfirmed")).toHaveTextContent("Belum dikonfirmasi");
    expect(screen.getByTestId("verification-needs-email")).toBeInTheDocument();
    expect(screen.queryByTestId("verification-form")).toBeNull();
    await userEvent.click(screen.getByTestId("email-resend"));
    expect(await screen.findByTestId("email-resent")).toHaveTextContent("siti@banyuwangikab.go.id");
    expect(calls(spy)).toContain("POST /api/auth/confirm-email/resend");
  });

  it("changes the email by a link to the new address and shows it as awaiting confirmation", async () => {
    signIn();
    const spy = routes({
      "POST /api/auth/email": () => json(202, { ok: true }),
      "GET /api/users/64b000000000000000000001": () =>
        json(200, { user: makeUser({ emailConfirmed: true, pendingEmail: "siti.baru@contoh.go.id" }) }),
    });
    renderRoute(<AccountPage />, { path: "/account" });
    const ue = userEvent.setup();
    await ue.click(screen.getByTestId("email-change"));
    await ue.type(screen.getByTestId("email-new"), "Siti.Baru@Contoh.go.id");
    await ue.type(screen.getByTestId("email-password"), "lama-sekali-1");
    await ue.click(screen.getByTestId("email-submit"));
    expect(await screen.findByTestId("email-pending")).toHaveTextContent("siti.baru@contoh.go.id");
    expect(bodyOf(spy, "POST /api/auth/email")).toEqual({
      email: "siti.baru@contoh.go.id",
      password: "lama-sekali-1",
    });
    expect(screen.getByTestId("email-confirmed")).toBeInTheDocument();
  });

  it("speaks English", async () => {
    useStore.setState({ locale: "en" });
    signIn();
    routes();
    renderRoute(<AccountPage />, { path: "/account" });
    expect(screen.getByRole("heading", { level: 1 })).toHaveTextContent("Account settings");
    expect(await screen.findByText("Chrome on Android")).toBeInTheDocument();
  });
});
