import { userCommands, type ProfileUpdateInput, type UserViewDto } from "@rembuk/shared";
import type { SliceCreator } from "../../store/types";
import { send } from "../../lib/send";

/** A user as this viewer knows them: public fields plus whatever private ones they may see. */
export type UserEntity = UserViewDto;

export interface UsersSlice {
  usersById: Record<string, UserEntity>;
  /** Loads a profile into `usersById` and returns it. */
  fetchUser: (id: string, signal?: AbortSignal) => Promise<UserEntity>;
  /** `PATCH /users/:id` with the user's own editable fields. */
  updateProfile: (id: string, patch: ProfileUpdateInput) => Promise<UserEntity>;
  /** Merges users into the normalised map (a public copy never erases private fields). */
  internal_receiveUsers: (users: readonly UserEntity[]) => void;
}

export const createUsersSlice: SliceCreator<UsersSlice> = (set, get) => ({
  usersById: {},
  fetchUser: async (id, signal) => {
    const { user } = await send(userCommands.get, { id }, { signal });
    get().internal_receiveUsers([user]);
    return user;
  },
  updateProfile: async (id, patch) => {
    const { user } = await send(userCommands.update, { id, ...patch });
    get().internal_receiveUsers([user]);
    if (user.locale && id === get().currentUserId) get().internal_adoptLocale(user.locale);
    return user;
  },
  internal_receiveUsers: (users) =>
    set((s) => {
      if (users.length === 0) return s;
      const byId = { ...s.usersById };
      for (const u of users) byId[u.id] = { ...byId[u.id], ...u };
      return { usersById: byId };
    }),
});

export const userSelectors = {
  byId: (id: string | null | undefined) => (s: { usersById: Record<string, UserEntity> }) =>
    id ? s.usersById[id] : undefined,
};
