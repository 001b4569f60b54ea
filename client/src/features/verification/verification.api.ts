import { z } from "zod";
import {
  VerificationRequestDto,
  type VerificationDecideInput,
  type VerificationRequestInput,
} from "@rembuk/shared";
import { api } from "../../lib/api";
import { UserEntity } from "../users";

const RequestBody = z.object({ request: VerificationRequestDto });
const MaybeRequestBody = z.object({ request: VerificationRequestDto.nullable() });
const UserBody = z.object({ user: UserEntity });

export type QueueStatus = "pending" | "approved" | "rejected";

/** Verification requests over REST (DESIGN.md §9); live changes arrive as `verification:*` events. */
export const verificationApi = {
  /** The person's latest request (themself or a moderator), null when there is none. */
  latest: async (userId: string, signal?: AbortSignal) =>
    (await api.get(`/users/${encodeURIComponent(userId)}/verification`, MaybeRequestBody, { signal }))
      .request,
  request: async (userId: string, input: VerificationRequestInput) =>
    (await api.post(`/users/${encodeURIComponent(userId)}/verification`, input, RequestBody)).request,
  list: async (status: QueueStatus, signal?: AbortSignal) =>
    (
      await api.get(`/moderation/verifications`, z.object({ requests: z.array(VerificationRequestDto) }), {
        query: { status },
        signal,
      })
    ).requests,
  decide: (id: string, input: VerificationDecideInput) =>
    api.post(
      `/verifications/${encodeURIComponent(id)}/decide`,
      input,
      RequestBody.extend({ user: UserEntity }),
    ),
  revoke: async (userId: string, reason: string) =>
    (await api.del(`/users/${encodeURIComponent(userId)}/verification`, UserBody, { body: { reason } })).user,
};
