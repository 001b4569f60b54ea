import type { RegionDto, UserDto } from "@rembuk/shared";

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
