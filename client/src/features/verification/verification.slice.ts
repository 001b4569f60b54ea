import {
  verificationCommands,
  type UserDto,
  type VerificationRequestDto,
  type VerificationRequestInput,
} from "@rembuk/shared";
import type { AppState, SliceCreator } from "../../store/types";
import type { MessageKey } from "../../lib/i18n";
import { send } from "../../lib/send";

export type QueueStatus = "pending" | "approved" | "rejected";

export type ListStatus = "idle" | "loading" | "ready" | "error";

export interface VerificationList {
  ids: string[];
  status: ListStatus;
}

export interface VerificationSlice {
  /** The signed-in person's latest request: undefined until asked, null when there is none. */
  myVerification: VerificationRequestDto | null | undefined;
  /** Moderators' queue, one list per status, newest decisions first, pending oldest first (server order). */
  verificationsById: Record<string, VerificationRequestDto>;
  verificationLists: Record<QueueStatus, VerificationList>;

  loadMyVerification: () => Promise<void>;
  requestVerification: (input: VerificationRequestInput) => Promise<VerificationRequestDto>;
  loadVerifications: (status: QueueStatus) => Promise<void>;
  decideVerification: (id: string, decision: "approve" | "reject", reason?: string) => Promise<void>;
  revokeVerification: (userId: string, reason: string) => Promise<void>;

  /** `verification:requested` / `verification:updated`: a request appeared or changed. */
  internal_verificationChanged: (request: VerificationRequestDto) => void;
  /** `user:updated`: the signed-in person's account changed elsewhere; says what happened to the claim. */
  internal_selfUpdated: (user: UserDto) => void;
  /** Signed out: nothing of the previous account's requests stays on screen. */
  internal_verificationReset: () => void;
}

const EMPTY: VerificationList = { ids: [], status: "idle" };
const STATUSES: QueueStatus[] = ["pending", "approved", "rejected"];

function listFor(request: VerificationRequestDto): QueueStatus | null {
  return request.status === "cancelled" ? null : request.status;
}

/** What the member is told when a moderator decides about their claim (or revokes it). */
export function outcomeToast(
  before: UserDto["verification"] | undefined,
  wasVerified: boolean,
  after: UserDto,
): { tone: "success" | "info"; message: MessageKey; reason: string } | null {
  const now = after.verification?.status;
  const reason = after.verification?.reason ?? "";
  if (!now || now === before?.status) return null;
  if (now === "verified") return { tone: "success", message: "verification.toast.approved", reason };
  if (now === "rejected" && before?.status === "pending")
    return { tone: "info", message: "verification.toast.rejected", reason };
  if (wasVerified && !after.verified) return { tone: "info", message: "verification.toast.revoked", reason };
  return null;
}

export const createVerificationSlice: SliceCreator<VerificationSlice> = (set, get) => {
  const place = (s: AppState, request: VerificationRequestDto): Partial<VerificationSlice> => {
    const target = listFor(request);
    const lists = { ...s.verificationLists };
    for (const status of STATUSES) {
      const list = lists[status];
      const listed = list.ids.includes(request.id);
      if (status === target && !listed && list.status !== "idle")
        lists[status] = {
          ...list,
          ids: status === "pending" ? [...list.ids, request.id] : [request.id, ...list.ids],
        };
      else if (status !== target && listed)
        lists[status] = { ...list, ids: list.ids.filter((id) => id !== request.id) };
    }
    const mine = s.currentUserId !== null && request.user.id === s.currentUserId;
    const newer =
      !s.myVerification ||
      s.myVerification.id === request.id ||
      request.createdAt >= s.myVerification.createdAt;
    return {
      verificationsById: { ...s.verificationsById, [request.id]: request },
      verificationLists: lists,
      ...(mine && newer ? { myVerification: request } : {}),
    };
  };

  return {
    myVerification: undefined,
    verificationsById: {},
    verificationLists: { pending: EMPTY, approved: EMPTY, rejected: EMPTY },

    loadMyVerification: async () => {
      const me = get().currentUserId;
      if (!me) return set({ myVerification: undefined });
      const { request } = await send(verificationCommands.latest, { id: me });
      if (get().currentUserId === me) set({ myVerification: request });
    },

    requestVerification: async (input) => {
      const me = get().currentUserId;
      if (!me) throw new Error("Not signed in");
      const { request } = await send(verificationCommands.request, { id: me, ...input });
      set((s) => place(s, request));
      // The request also sets the profile's office to the claim: read the account back.
      await get().fetchUser(me);
      return request;
    },

    loadVerifications: async (status) => {
      set((s) => ({
        verificationLists: {
          ...s.verificationLists,
          [status]: {
            ...s.verificationLists[status],
            status: s.verificationLists[status].ids.length ? "ready" : "loading",
          },
        },
      }));
      try {
        const { requests } = await send(verificationCommands.list, { status });
        set((s) => ({
          verificationsById: {
            ...s.verificationsById,
            ...Object.fromEntries(requests.map((r) => [r.id, r])),
          },
          verificationLists: {
            ...s.verificationLists,
            [status]: { ids: requests.map((r) => r.id), status: "ready" },
          },
        }));
      } catch {
        set((s) => ({
          verificationLists: {
            ...s.verificationLists,
            [status]: { ...s.verificationLists[status], status: "error" },
          },
        }));
      }
    },

    decideVerification: async (id, decision, reason) => {
      const { request, user } = await send(verificationCommands.decide, {
        id,
        decision,
        ...(reason ? { reason } : {}),
      });
      get().internal_receiveUsers([user]);
      set((s) => place(s, request));
    },

    revokeVerification: async (userId, reason) => {
      const { user } = await send(verificationCommands.revoke, { id: userId, reason });
      get().internal_receiveUsers([user]);
      // Requests naming this person show them as they are now (no "revoke" left on an approved one).
      set((s) => {
        const changed = Object.values(s.verificationsById).filter((r) => r.user.id === userId);
        if (changed.length === 0) return {};
        const byId = { ...s.verificationsById };
        for (const r of changed) byId[r.id] = { ...r, user: { ...r.user, verified: user.verified } };
        return { verificationsById: byId };
      });
    },

    internal_verificationChanged: (request) => set((s) => place(s, request)),

    internal_verificationReset: () =>
      set({
        myVerification: undefined,
        verificationsById: {},
        verificationLists: { pending: EMPTY, approved: EMPTY, rejected: EMPTY },
      }),

    internal_selfUpdated: (user) => {
      const s = get();
      if (user.id !== s.currentUserId) return;
      const before = s.usersById[user.id];
      const toast = outcomeToast(before?.verification, before?.verified ?? false, user);
      s.internal_receiveUsers([user]);
      if (toast)
        s.pushToast({ tone: toast.tone, message: toast.message, params: { reason: toast.reason || "—" } });
    },
  };
};

export const verificationSelectors = {
  list: (status: QueueStatus) => (s: AppState) => s.verificationLists[status],
  pendingCount: (s: AppState) =>
    s.verificationLists.pending.status === "idle" ? 0 : s.verificationLists.pending.ids.length,
};
