import { z } from "zod";
import { AcceptedDto, ConfirmedKind, SessionDto } from "@rembuk/shared";
import { api } from "../../lib/api";
import { SelfEnvelope, UserEntity } from "../users";

/** The person whose address a link confirmed: their own full DTO when signed in as them, else public. */
const Confirmed = z.object({ user: UserEntity, confirmed: ConfirmedKind });

/** Account recovery and security over REST (DESIGN.md §9). */
export const accountApi = {
  confirmEmail: (token: string) => api.post("/auth/confirm-email", { token }, Confirmed),
  resendConfirmation: () => api.post("/auth/confirm-email/resend", {}, AcceptedDto),
  /** Always 202 `{ok:true}`: the answer never tells whether the address has an account. */
  forgot: (email: string) => api.post("/auth/forgot", { email }, AcceptedDto),
  reset: async (token: string, password: string) =>
    (await api.post("/auth/reset", { token, password }, SelfEnvelope)).user,
  changePassword: async (current: string, password: string) =>
    (await api.post("/auth/password", { current, password }, SelfEnvelope)).user,
  /** The new address only replaces the old one once its confirmation link is opened. */
  changeEmail: (email: string, password: string) => api.post("/auth/email", { email, password }, AcceptedDto),
  sessions: async (signal?: AbortSignal) =>
    (await api.get("/auth/sessions", z.object({ sessions: z.array(SessionDto) }), { signal })).sessions,
  signOutOthers: () => api.delVoid("/auth/sessions/others"),
};
