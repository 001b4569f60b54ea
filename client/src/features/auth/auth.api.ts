import type { LoginInput, RegisterInput } from "@rembuk/shared";
import { api } from "../../lib/api";
import { SelfEnvelope } from "../users";

export const authApi = {
  me: async () => (await api.get("/auth/me", SelfEnvelope)).user,
  login: async (input: LoginInput) => (await api.post("/auth/login", input, SelfEnvelope)).user,
  register: async (input: RegisterInput) => (await api.post("/auth/register", input, SelfEnvelope)).user,
  logout: () => api.postVoid("/auth/logout"),
};
