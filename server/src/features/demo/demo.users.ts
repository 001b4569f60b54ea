import type { Affiliation, Role } from "@rembuk/shared";
import { PRACTICE_LEADERS, PRACTICE_LEADER_KEYS } from "./practices/leaders.js";

/** The one password every demo account uses (printed at start; never seeded in production by default). */
export const DEMO_PASSWORD = "rembuk-demo-2026";

export interface DemoUserSpec {
  email: string;
  name: string;
  role: Role;
  title: string;
  affiliation: Affiliation;
  verified: boolean;
}

/**
 * Demo accounts, keyed so other seeders can refer to them (`users.banyuwangi.id`). The offices and
 * Kemendagri codes are real; the people are fictional, so no real official is impersonated.
 */
export const DEMO_USERS = {
  admin: {
    email: "admin@rembuk.id",
    name: "Admin Rembuk",
    role: "admin",
    title: "Pengelola Platform Rembuk",
    affiliation: { kind: "agency", name: "Lembaga Administrasi Negara" },
    verified: true,
  },
  moderator: {
    email: "moderator@rembuk.id",
    name: "Siti Rahmawati",
    role: "moderator",
    title: "Analis Kebijakan Ahli Madya",
    affiliation: { kind: "agency", name: "Lembaga Administrasi Negara" },
    verified: true,
  },
  banyuwangi: {
    email: "bupati.banyuwangi@rembuk.id",
    name: "Rina Kusumawardani",
    role: "member",
    title: "Bupati Banyuwangi",
    affiliation: { kind: "region", code: "35.10" },
    verified: true,
  },
  surabaya: {
    email: "walikota.surabaya@rembuk.id",
    name: "Bagus Prasetyo",
    role: "member",
    title: "Wali Kota Surabaya",
    affiliation: { kind: "region", code: "35.78" },
    verified: true,
  },
  salatiga: {
    email: "walikota.salatiga@rembuk.id",
    name: "Yuliana Pratiwi",
    role: "member",
    title: "Wali Kota Salatiga",
    affiliation: { kind: "region", code: "33.73" },
    verified: true,
  },
  jateng: {
    email: "gubernur.jateng@rembuk.id",
    name: "Hendra Gunawan",
    role: "member",
    title: "Gubernur Jawa Tengah",
    affiliation: { kind: "region", code: "33" },
    verified: true,
  },
  kulonprogo: {
    email: "bupati.kulonprogo@rembuk.id",
    name: "Agus Priyanto",
    role: "member",
    title: "Bupati Kulon Progo",
    affiliation: { kind: "region", code: "34.01" },
    verified: true,
  },
  makassar: {
    email: "walikota.makassar@rembuk.id",
    name: "Andi Nurhaliza",
    role: "member",
    title: "Wali Kota Makassar",
    affiliation: { kind: "region", code: "73.71" },
    verified: true,
  },
  gowa: {
    email: "bupati.gowa@rembuk.id",
    name: "Muhammad Ridwan Daeng",
    role: "member",
    title: "Bupati Gowa",
    affiliation: { kind: "region", code: "73.06" },
    verified: true,
  },
  sleman: {
    email: "dewi.lestari@rembuk.id",
    name: "Dewi Lestari",
    role: "member",
    title: "Perencana Ahli Muda, Bappeda Kabupaten Sleman",
    affiliation: { kind: "region", code: "34.04" },
    verified: false,
  },
  bandung: {
    email: "fajar.nugroho@rembuk.id",
    name: "Fajar Nugroho",
    role: "member",
    title: "Pranata Komputer, Diskominfo Kota Bandung",
    affiliation: { kind: "region", code: "32.73" },
    verified: false,
  },
  /** Regional leaders across the provinces, who post the demo practices (practices feature). */
  ...PRACTICE_LEADERS,
} as const satisfies Record<string, DemoUserSpec>;

export type DemoUserKey = keyof typeof DEMO_USERS;

/** Creation order (admin first), spelled out so iteration keeps the key type. */
export const DEMO_USER_KEYS: readonly DemoUserKey[] = [
  "admin",
  "moderator",
  "banyuwangi",
  "surabaya",
  "salatiga",
  "jateng",
  "kulonprogo",
  "makassar",
  "gowa",
  "sleman",
  "bandung",
  ...PRACTICE_LEADER_KEYS,
];
