import { act, screen, within } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { describe, expect, it } from "vitest";
import type { VerificationRequestDto } from "@rembuk/shared";
import { useStore } from "../../store";
import { makeUser, REGIONS } from "../../test/fixtures";
import { apiError, bodyOf, calls, json, mockFetch } from "../../test/http";
import { renderRoute } from "../../test/render";
import { VerificationSection } from "./VerificationSection";
import { VerificationsTab } from "./VerificationsTab";

const ME = "64b000000000000000000001";

function request(overrides: Partial<VerificationRequestDto> = {}): VerificationRequestDto {
  return {
    id: "64c000000000000000000001",
    user: {
      id: ME,
      name: "Siti Rahmawati",
      role: "member",
      title: "Bupati Banyuwangi",
      affiliation: { kind: "region", code: "35.10" },
      verified: false,
    },
    title: "Bupati Banyuwangi",
    affiliation: { kind: "region", code: "35.10" },
    office: "bupati",
    officialEmail: { masked: "s•••@banyuwangikab.go.id", domain: "banyuwangikab.go.id", confirmed: false },
    decree: { number: "131.35-1234 Tahun 2025", date: "2025-02-20" },
    note: "Hubungi Bagian Tata Pemerintahan.",
    status: "pending",
    reason: null,
    decidedBy: null,
    decidedAt: null,
    createdAt: "2025-03-14T08:00:00.000Z",
    conflicts: [],
    ...overrides,
  };
}

function signIn(overrides: Parameters<typeof makeUser>[0] = {}) {
  const user = makeUser({ emailConfirmed: true, verification: { status: "none" }, ...overrides });
  useStore.setState({ sessionStatus: "signedIn", currentUserId: user.id });
  useStore.getState().internal_receiveUsers([user]);
  return user;
}

describe("VerificationSection (the member)", () => {
  it("refuses an official address outside government domains before sending, then sends the claim with its evidence", async () => {
    const user = signIn({ title: "", affiliation: null });
    const sent = request();
    const spy = mockFetch({
      "GET /api/taxonomy/regions": () => json(200, { regions: REGIONS }),
      [`GET /api/users/${ME}/verification`]: () => json(200, { request: null }),
      [`POST /api/users/${ME}/verification`]: () => json(201, { request: sent }),
      [`GET /api/users/${ME}`]: () =>
        json(200, {
          user: {
            ...user,
            title: sent.title,
            affiliation: sent.affiliation,
            verification: { status: "pending" },
          },
        }),
    });
    renderRoute(<VerificationSection user={useStore.getState().usersById[ME]} />);
    const ue = userEvent.setup();
    await ue.type(screen.getByTestId("verif-title"), "Bupati Banyuwangi");
    await ue.selectOptions(await screen.findByLabelText("Provinsi"), "35");
    await ue.selectOptions(screen.getByLabelText("Kabupaten/kota"), "35.10");
    await ue.type(screen.getByTestId("verif-email"), "siti@gmail.com");
    await ue.click(screen.getByTestId("verif-submit"));
    expect(screen.getByTestId("verif-email-error")).toHaveTextContent("domain pemerintah");
    expect(calls(spy)).not.toContain(`POST /api/users/${ME}/verification`);

    await ue.clear(screen.getByTestId("verif-email"));
    await ue.type(screen.getByTestId("verif-email"), "siti@banyuwangikab.go.id");
    await ue.type(screen.getByTestId("verif-decree-number"), "131.35-1234 Tahun 2025");
    await ue.type(screen.getByTestId("verif-decree-date"), "2025-02-20");
    await ue.type(screen.getByTestId("verif-note"), "Hubungi Bagian Tata Pemerintahan.");
    await ue.click(screen.getByTestId("verif-submit"));
    expect(await screen.findByText(/Buka tautan yang kami kirim ke email resmi Anda/)).toBeInTheDocument();
    expect(bodyOf(spy, `POST /api/users/${ME}/verification`)).toEqual({
      title: "Bupati Banyuwangi",
      affiliation: { kind: "region", code: "35.10" },
      officialEmail: "siti@banyuwangikab.go.id",
      decree: { number: "131.35-1234 Tahun 2025", date: "2025-02-20" },
      note: "Hubungi Bagian Tata Pemerintahan.",
    });
    expect(useStore.getState().myVerification?.id).toBe(sent.id);
  });

  it("shows a waiting request and that the official email awaits its link", async () => {
    signIn({ verification: { status: "pending" } });
    mockFetch({
      [`GET /api/users/${ME}/verification`]: () => json(200, { request: request() }),
      "GET /api/taxonomy/regions": () => json(200, { regions: REGIONS }),
    });
    renderRoute(<VerificationSection user={useStore.getState().usersById[ME]} />);
    expect(screen.getByTestId("verification-status")).toHaveAttribute("data-status", "pending");
    const mail = await screen.findByTestId("official-email-state");
    expect(mail).toHaveAttribute("data-confirmed", "false");
    expect(mail).toHaveTextContent("s•••@banyuwangikab.go.id menunggu konfirmasi");
    expect(screen.queryByTestId("verification-form")).toBeNull();
  });

  it("tells the member the outcome live: approved shows the badge state, a rejection its reason", async () => {
    signIn({ verification: { status: "pending" } });
    mockFetch({
      [`GET /api/users/${ME}/verification`]: () => json(200, { request: request() }),
      "GET /api/taxonomy/regions": () => json(200, { regions: REGIONS }),
    });
    renderRoute(<VerificationSection user={useStore.getState().usersById[ME]} />);
    act(() =>
      useStore
        .getState()
        .internal_selfUpdated(
          makeUser({ verification: { status: "rejected", reason: "Nomor SK tidak ditemukan." } }),
        ),
    );
    expect(
      await screen.findByText("Permintaan verifikasi Anda ditolak. Alasan: Nomor SK tidak ditemukan."),
    ).toBeInTheDocument();
    expect(useStore.getState().usersById[ME].verification?.status).toBe("rejected");

    act(() =>
      useStore
        .getState()
        .internal_selfUpdated(makeUser({ verified: true, verification: { status: "verified" } })),
    );
    expect(await screen.findByText("Jabatan Anda sudah terverifikasi.")).toBeInTheDocument();
    expect(useStore.getState().usersById[ME].verified).toBe(true);
  });
});

describe("VerificationsTab (moderators)", () => {
  function staff() {
    const mod = makeUser({
      id: "64b000000000000000000009",
      name: "Moderator Pusat",
      role: "moderator",
      verified: true,
    });
    useStore.setState({ sessionStatus: "signedIn", currentUserId: mod.id });
    useStore.getState().internal_receiveUsers([mod]);
  }

  it("shows the claim, the evidence and a conflicting verified holder, and blocks approval", async () => {
    staff();
    const holder = {
      id: "64b000000000000000000002",
      name: "Ipuk Fiestiandani",
      role: "member" as const,
      title: "Bupati Banyuwangi",
      affiliation: { kind: "region" as const, code: "35.10" },
      verified: true,
    };
    mockFetch({
      "GET /api/moderation/verifications": () =>
        json(200, {
          requests: [
            request({
              officialEmail: {
                masked: "s•••@banyuwangikab.go.id",
                domain: "banyuwangikab.go.id",
                confirmed: true,
              },
              conflicts: [{ user: holder, verified: true, pending: false }],
            }),
          ],
        }),
      "GET /api/taxonomy/regions": () => json(200, { regions: REGIONS }),
    });
    renderRoute(<VerificationsTab />);
    const item = await screen.findByTestId("verif-item");
    expect(within(item).getByTestId("verif-claim")).toHaveTextContent("Bupati Banyuwangi");
    expect(within(item).getByTestId("verif-email-state")).toHaveTextContent("dikonfirmasi");
    expect(within(item).getByTestId("verif-decree")).toHaveTextContent("131.35-1234 Tahun 2025");
    expect(within(item).getByTestId("verif-conflict")).toHaveTextContent("Ipuk Fiestiandani");
    expect(within(item).getByTestId("verif-conflict")).toHaveTextContent("terverifikasi saat ini");
    expect(within(item).getByTestId("verif-approve")).toBeDisabled();
  });

  it("approves, and a live request arrives without a reload", async () => {
    staff();
    const first = request();
    const spy = mockFetch({
      "GET /api/moderation/verifications": () => json(200, { requests: [first] }),
      [`POST /api/verifications/${first.id}/decide`]: () =>
        json(200, {
          request: { ...first, status: "approved", decidedAt: "2025-03-15T08:00:00.000Z" },
          user: makeUser({ verified: true }),
        }),
      "GET /api/taxonomy/regions": () => json(200, { regions: REGIONS }),
    });
    renderRoute(<VerificationsTab />);
    await screen.findByTestId("verif-item");
    act(() =>
      useStore.getState().internal_verificationChanged(
        request({
          id: "64c000000000000000000002",
          user: { ...first.user, id: "64b000000000000000000003", name: "Budi Santoso" },
        }),
      ),
    );
    expect(await screen.findAllByTestId("verif-item")).toHaveLength(2);

    await userEvent.click(within(screen.getAllByTestId("verif-item")[0]).getByTestId("verif-approve"));
    expect(await screen.findByText(/Verifikasi disetujui/)).toBeInTheDocument();
    expect(bodyOf(spy, `POST /api/verifications/${first.id}/decide`)).toEqual({ decision: "approve" });
    expect(screen.getAllByTestId("verif-item")).toHaveLength(1);
    expect(screen.getByTestId("verif-item")).toHaveTextContent("Budi Santoso");
  });

  it("rejects only with a reason, through the shared reason dialog, and keeps the request on a server error", async () => {
    staff();
    const first = request();
    let fail = true;
    const spy = mockFetch({
      "GET /api/moderation/verifications": () => json(200, { requests: [first] }),
      [`POST /api/verifications/${first.id}/decide`]: () =>
        fail
          ? apiError(409, "CONFLICT", "Not pending")
          : json(200, {
              request: { ...first, status: "rejected", reason: "Nomor SK tidak ditemukan." },
              user: makeUser(),
            }),
      "GET /api/taxonomy/regions": () => json(200, { regions: REGIONS }),
    });
    renderRoute(<VerificationsTab />);
    await userEvent.click(await screen.findByTestId("verif-reject"));
    const dialog = await screen.findByTestId("verif-reject-dialog");
    await userEvent.click(within(dialog).getByTestId("reason-submit"));
    expect(within(dialog).getByTestId("reason-error")).toBeInTheDocument();
    expect(calls(spy)).not.toContain(`POST /api/verifications/${first.id}/decide`);

    await userEvent.type(within(dialog).getByTestId("reason-input"), "Nomor SK tidak ditemukan.");
    await userEvent.click(within(dialog).getByTestId("reason-submit"));
    expect(await within(dialog).findByRole("alert")).toBeInTheDocument();
    expect(screen.getByTestId("verif-item")).toBeInTheDocument();

    fail = false;
    await userEvent.click(within(dialog).getByTestId("reason-submit"));
    await screen.findByText("Permintaan ditolak dan alasannya dikirim.");
    expect(bodyOf(spy, `POST /api/verifications/${first.id}/decide`)).toEqual({
      decision: "reject",
      reason: "Nomor SK tidak ditemukan.",
    });
    expect(screen.queryByTestId("verif-item")).toBeNull();
  });
});

describe("VerificationsTab revoke", () => {
  it("revokes an approved verification with a required reason and the button goes away", async () => {
    const mod = makeUser({ id: "64b000000000000000000009", role: "moderator", verified: true });
    useStore.setState({ sessionStatus: "signedIn", currentUserId: mod.id });
    useStore.getState().internal_receiveUsers([mod]);
    const approved = request({
      status: "approved",
      user: { ...request().user, verified: true },
      decidedAt: "2025-03-15T08:00:00.000Z",
      decidedBy: {
        id: mod.id,
        name: mod.name,
        role: "moderator",
        title: mod.title,
        affiliation: mod.affiliation,
        verified: true,
      },
    });
    const spy = mockFetch({
      "GET /api/moderation/verifications": ({ url }) =>
        json(200, { requests: url.searchParams.get("status") === "approved" ? [approved] : [] }),
      [`DELETE /api/users/${ME}/verification`]: () => json(200, { user: makeUser({ verified: false }) }),
      "GET /api/taxonomy/regions": () => json(200, { regions: REGIONS }),
    });
    renderRoute(<VerificationsTab />);
    await userEvent.click(await screen.findByTestId("verif-status-approved"));
    await userEvent.click(await screen.findByTestId("verif-revoke"));
    const dialog = await screen.findByTestId("verif-revoke-dialog");
    await userEvent.type(within(dialog).getByTestId("reason-input"), "Sudah tidak menjabat sejak Maret.");
    await userEvent.click(within(dialog).getByTestId("reason-submit"));
    await screen.findByText("Verifikasi dicabut.");
    expect(bodyOf(spy, `DELETE /api/users/${ME}/verification`)).toEqual({
      reason: "Sudah tidak menjabat sejak Maret.",
    });
    expect(screen.queryByTestId("verif-revoke")).toBeNull();
  });
});
