import { userCommands, type Role, type SuspendInput } from "@rembuk/shared";
import { isApiError, type ApiErrorCode } from "../../lib/api";
import type { SliceCreator } from "../../store/types";
import { send } from "../../lib/send";

export type AdminListStatus = "idle" | "loading" | "loadingMore" | "ready" | "error";

export interface AdminUsersList {
  /** Ids into `usersById`, in server order. */
  ids: string[];
  query: string;
  nextCursor: string | null;
  status: AdminListStatus;
  errorCode: ApiErrorCode | null;
}

export interface AdminSlice {
  adminUsers: AdminUsersList;
  /** Loads the first page for `query`; a newer call supersedes an older one still in flight. */
  loadAdminUsers: (query: string) => Promise<void>;
  loadMoreAdminUsers: () => Promise<void>;
  setUserRole: (id: string, role: Role) => Promise<void>;
  setUserVerified: (id: string, verified: boolean) => Promise<void>;
  suspendUser: (id: string, input: SuspendInput) => Promise<void>;
  liftSuspension: (id: string) => Promise<void>;
}

export const ADMIN_PAGE_SIZE = 30;

const emptyList: AdminUsersList = { ids: [], query: "", nextCursor: null, status: "idle", errorCode: null };

export const createAdminSlice: SliceCreator<AdminSlice> = (set, get) => {
  /** Only the latest request may write the list. */
  let requestSeq = 0;

  const patchList = (patch: Partial<AdminUsersList>) =>
    set((s) => ({ adminUsers: { ...s.adminUsers, ...patch } }));

  const fail = (seq: number, e: unknown) => {
    if (seq !== requestSeq) return;
    patchList({ status: "error", errorCode: isApiError(e) ? e.code : "NETWORK" });
  };

  return {
    adminUsers: emptyList,

    loadAdminUsers: async (query) => {
      const seq = ++requestSeq;
      patchList({ query, status: "loading", errorCode: null });
      try {
        const page = await send(userCommands.list, {
          query: query.trim() || undefined,
          limit: ADMIN_PAGE_SIZE,
        });
        if (seq !== requestSeq) return;
        get().internal_receiveUsers(page.users);
        patchList({ ids: page.users.map((u) => u.id), nextCursor: page.nextCursor ?? null, status: "ready" });
      } catch (e) {
        fail(seq, e);
      }
    },

    loadMoreAdminUsers: async () => {
      const { nextCursor, query, status } = get().adminUsers;
      if (!nextCursor || status === "loading" || status === "loadingMore") return;
      const seq = ++requestSeq;
      patchList({ status: "loadingMore", errorCode: null });
      try {
        const page = await send(userCommands.list, {
          query: query.trim() || undefined,
          cursor: nextCursor ?? undefined,
          limit: ADMIN_PAGE_SIZE,
        });
        if (seq !== requestSeq) return;
        get().internal_receiveUsers(page.users);
        set((s) => {
          const seen = new Set(s.adminUsers.ids);
          const ids = [...s.adminUsers.ids, ...page.users.map((u) => u.id).filter((id) => !seen.has(id))];
          return {
            adminUsers: { ...s.adminUsers, ids, nextCursor: page.nextCursor ?? null, status: "ready" },
          };
        });
      } catch (e) {
        fail(seq, e);
      }
    },

    setUserRole: async (id, role) => {
      get().internal_receiveUsers([(await send(userCommands.update, { id, role })).user]);
    },

    setUserVerified: async (id, verified) => {
      get().internal_receiveUsers([(await send(userCommands.update, { id, verified })).user]);
    },

    suspendUser: async (id, input) => {
      const user = (await send(userCommands.suspend, { id, ...input }))?.user;
      const known = get().usersById[id];
      if (user) get().internal_receiveUsers([user]);
      else if (known)
        get().internal_receiveUsers([{ ...known, suspendedUntil: input.until, suspendReason: input.reason }]);
    },

    liftSuspension: async (id) => {
      const user = (await send(userCommands.unsuspend, { id }))?.user;
      const known = get().usersById[id];
      if (user) get().internal_receiveUsers([user]);
      else if (known) get().internal_receiveUsers([{ ...known, suspendedUntil: null, suspendReason: null }]);
    },
  };
};
