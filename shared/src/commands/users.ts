import { z } from "zod";
import { ObjectIdString } from "../schemas/common.js";
import { SuspendInput, UserListQuery, UserPatchInput, UserViewDto } from "../schemas/users.js";
import {
  VerificationDecideInput,
  VerificationListQuery,
  VerificationRequestDto,
  VerificationRequestInput,
  VerificationRevokeInput,
} from "../schemas/verification.js";
import { defineCommand } from "./define.js";

const UserResult = z.object({ user: UserViewDto });
const RequestResult = z.object({ request: VerificationRequestDto });
const byId = { id: ObjectIdString };
/** Suspensions answer `{user}`; a proxy or an older server may answer 204, which clients accept. */
const MaybeUserResult = UserResult.optional();

/** People: profiles, the directory, roles and suspensions (DESIGN.md §5). */
export const userCommands = {
  list: defineCommand({
    name: "users.list",
    summary: "The people directory (moderators and admins also see private fields)",
    input: UserListQuery,
    output: z.object({ users: z.array(UserViewDto), nextCursor: z.string().nullable() }),
    http: { method: "GET", path: "/users" },
  }),
  get: defineCommand({
    name: "users.get",
    summary: "One person's profile, with the private fields this viewer may see",
    params: byId,
    input: z.object({}),
    output: UserResult,
    errors: ["NOT_FOUND"],
    http: { method: "GET", path: "/users/:id" },
  }),
  update: defineCommand({
    name: "users.update",
    summary: "Edit a profile (the person), the verified badge (moderators) or the role (admins)",
    params: byId,
    input: UserPatchInput,
    output: UserResult,
    errors: ["FORBIDDEN", "NOT_FOUND", "CONFLICT"],
    http: { method: "PATCH", path: "/users/:id" },
  }),
  suspend: defineCommand({
    name: "users.suspend",
    summary: "Suspend someone until a date, with a reason (moderators, admins)",
    params: byId,
    input: SuspendInput,
    output: MaybeUserResult,
    errors: ["FORBIDDEN", "NOT_FOUND"],
    http: { method: "POST", path: "/users/:id/suspend" },
  }),
  unsuspend: defineCommand({
    name: "users.unsuspend",
    summary: "Lift a suspension",
    params: byId,
    input: z.object({}),
    output: MaybeUserResult,
    errors: ["FORBIDDEN", "NOT_FOUND"],
    http: { method: "DELETE", path: "/users/:id/suspend" },
  }),
} as const;

/** Verifying a person's office (DESIGN.md §9). */
export const verificationCommands = {
  request: defineCommand({
    name: "verification.request",
    summary: "Ask moderators to verify my title and affiliation",
    params: byId,
    input: VerificationRequestInput,
    output: RequestResult,
    errors: ["FORBIDDEN", "CONFLICT", "EMAIL_NOT_CONFIRMED"],
    http: { method: "POST", path: "/users/:id/verification", status: 201 },
  }),
  latest: defineCommand({
    name: "verification.latest",
    summary: "A person's latest request (themself or moderators), null when none",
    params: byId,
    input: z.object({}),
    output: z.object({ request: VerificationRequestDto.nullable() }),
    errors: ["FORBIDDEN", "NOT_FOUND"],
    http: { method: "GET", path: "/users/:id/verification" },
  }),
  revoke: defineCommand({
    name: "verification.revoke",
    summary: "Revoke a person's verification, with a reason (moderators)",
    params: byId,
    input: VerificationRevokeInput,
    output: UserResult,
    errors: ["FORBIDDEN", "NOT_FOUND"],
    http: { method: "DELETE", path: "/users/:id/verification" },
  }),
  list: defineCommand({
    name: "verification.list",
    summary: "The verification queue by status (moderators)",
    input: VerificationListQuery,
    output: z.object({ requests: z.array(VerificationRequestDto) }),
    errors: ["FORBIDDEN"],
    http: { method: "GET", path: "/moderation/verifications" },
  }),
  decide: defineCommand({
    name: "verification.decide",
    summary: "Approve or reject a request (a reason is required to reject)",
    params: byId,
    input: VerificationDecideInput,
    output: RequestResult.extend({ user: UserViewDto }),
    errors: ["FORBIDDEN", "NOT_FOUND", "ILLEGAL_TRANSITION"],
    http: { method: "POST", path: "/verifications/:id/decide" },
  }),
} as const;
