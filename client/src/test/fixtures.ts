import type { RegionDto, Role, SiteAbilitiesDto, UserDto } from "@rembuk/shared";

/**
 * What the server's policy table gives each role across the site (server/src/features/users/
 * user.abilities.ts), so a signed-in fixture carries what `/auth/me` would.
 */
export function siteFor(role: Role): SiteAbilitiesDto {
  const admin = role === "admin";
  return {
    createRoom: admin,
    manageUsers: admin,
    viewOutbox: admin,
    viewPracticeStats: role !== "member",
  };
}

export function makeUser(overrides: Partial<UserDto> = {}): UserDto {
  return {
    id: "64b000000000000000000001",
    name: "Siti Rahmawati",
    role: "member",
    title: "Bupati Banyuwangi",
    affiliation: { kind: "region", code: "35.10" },
    verified: false,
    createdAt: "2025-03-14T08:00:00.000Z",
    email: "siti@banyuwangikab.go.id",
    locale: "id",
    suspendedUntil: null,
    site: siteFor(overrides.role ?? "member"),
    ...overrides,
  };
}

export const REGIONS: RegionDto[] = [
  { code: "33", name: "Jawa Tengah", kind: "province" },
  { code: "35", name: "Jawa Timur", kind: "province" },
  { code: "33.73", name: "Kota Salatiga", kind: "kota", provinceCode: "33" },
  { code: "33.74", name: "Kota Semarang", kind: "kota", provinceCode: "33" },
  { code: "33.22", name: "Kabupaten Semarang", kind: "kabupaten", provinceCode: "33" },
  { code: "35.10", name: "Kabupaten Banyuwangi", kind: "kabupaten", provinceCode: "35" },
];
