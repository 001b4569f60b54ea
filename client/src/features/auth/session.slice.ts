import { authCommands, type LoginInput, type RegisterInput, type UserDto } from "@rembuk/shared";
import { isApiError } from "../../lib/api";
import type { SliceCreator } from "../../store/types";
import { send } from "../../lib/send";

/** `unknown` until `GET /auth/me` answers on start. */
export type SessionStatus = "unknown" | "guest" | "signedIn";
export type SessionEndReason = "logout" | "suspended";

export interface SessionSlice {
  sessionStatus: SessionStatus;
  currentUserId: string | null;
  /**
   * Bumped whenever the session cookie changes (login, register, logout, session ended), so the
   * socket reconnects and its handshake carries the new session. Not bumped by `bootstrap`.
   */
  sessionEpoch: number;
  /** Asks the server who we are; safe to call more than once. */
  bootstrap: () => Promise<void>;
  /** Throws `ApiError` (e.g. `INVALID_CREDENTIALS`, `RATE_LIMITED`) and leaves the state unchanged. */
  login: (input: LoginInput) => Promise<UserDto>;
  register: (input: RegisterInput) => Promise<UserDto>;
  logout: () => Promise<void>;
  /** `POST /auth/reset`: signs in with the emailed token; every other session of the account ends. */
  resetPassword: (token: string, password: string) => Promise<UserDto>;
  /** `POST /auth/password`: keeps this session (with a fresh cookie), ends the others. */
  changePassword: (current: string, password: string) => Promise<UserDto>;
  /** The server ended this session (logout elsewhere, suspension). */
  internal_sessionEnded: (reason: SessionEndReason) => void;
  /** A request answered 401 while we thought we were signed in. */
  internal_sessionExpired: () => void;
}

export const createSessionSlice: SliceCreator<SessionSlice> = (set, get) => {
  let bootstrapping: Promise<void> | null = null;
  /** True while our own logout request runs, so its `session:ended` echo shows no toast. */
  let signingOut = false;

  const signIn = (user: UserDto) => {
    get().internal_receiveUsers([user]);
    get().internal_forgetPostAbilities();
    set((s) => ({ currentUserId: user.id, sessionStatus: "signedIn", sessionEpoch: s.sessionEpoch + 1 }));
  };

  const clearSession = () => {
    get().internal_forgetPostAbilities();
    set((s) => ({ currentUserId: null, sessionStatus: "guest", sessionEpoch: s.sessionEpoch + 1 }));
  };

  return {
    sessionStatus: "unknown",
    currentUserId: null,
    sessionEpoch: 0,

    bootstrap: () => {
      if (get().sessionStatus !== "unknown") return Promise.resolve();
      bootstrapping ??= (async () => {
        try {
          const { user } = await send(authCommands.me, {});
          get().internal_receiveUsers([user]);
          get().internal_adoptLocale(user.locale);
          set({ currentUserId: user.id, sessionStatus: "signedIn" });
        } catch (e) {
          // 401 is the normal guest answer; anything else (server down) also leaves us a guest.
          if (!isApiError(e) || e.status !== 401) console.warn("Session check failed", e);
          if (get().sessionStatus === "unknown") set({ sessionStatus: "guest", currentUserId: null });
        } finally {
          bootstrapping = null;
        }
      })();
      return bootstrapping;
    },

    login: async (input) => {
      const { user } = await send(authCommands.login, input);
      signIn(user);
      // A language picked before signing in (on the login page) wins over the profile's, and is saved.
      const chosen = get().localeChosenAsGuest;
      set({ localeChosenAsGuest: null });
      if (chosen && chosen !== user.locale) void get().setLocale(chosen);
      else get().internal_adoptLocale(user.locale);
      return user;
    },

    register: async (input) => {
      const { user } = await send(authCommands.register, input);
      signIn(user);
      // A new account keeps the language the visitor was already using.
      const locale = get().locale;
      if (user.locale !== locale) void get().setLocale(locale);
      return user;
    },

    logout: async () => {
      signingOut = true;
      try {
        await send(authCommands.logout, {});
      } catch (e) {
        // Already signed out on the server: fine. Anything else: keep the session and report it.
        if (!isApiError(e) || e.status !== 401) throw e;
      } finally {
        signingOut = false;
      }
      clearSession();
    },

    resetPassword: async (token, password) => {
      const { user } = await send(authCommands.reset, { token, password });
      signIn(user);
      get().internal_adoptLocale(user.locale);
      return user;
    },

    changePassword: async (current, password) => {
      const { user } = await send(authCommands.changePassword, { current, password });
      // The server may regenerate this session's id; reconnecting the socket keeps it on the live one.
      signIn(user);
      return user;
    },

    internal_sessionEnded: (reason) => {
      if (get().sessionStatus !== "signedIn") return;
      clearSession();
      if (!signingOut) {
        get().pushToast({
          tone: reason === "suspended" ? "error" : "info",
          message: reason === "suspended" ? "auth.toast.suspended" : "auth.toast.sessionEnded",
        });
      }
    },

    internal_sessionExpired: () => {
      if (get().sessionStatus !== "signedIn" || signingOut) return;
      clearSession();
      get().pushToast({ tone: "info", message: "auth.toast.sessionExpired" });
    },
  };
};
