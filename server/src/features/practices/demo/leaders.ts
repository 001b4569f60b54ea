import type { DemoUserSpec } from "../../demo/demo.users.js";

/**
 * Leaders who post the demo practices, added to the demo accounts (demo/demo.users.ts): real offices with real
 * Kemendagri codes (idn-area-data), fictional people, so no real official is impersonated. They share
 * the demo password.
 */
export const PRACTICE_LEADERS = {
  bandaAceh: {
    email: "walikota.bandaaceh@rembuk.id",
    name: "Teuku Rizal Mahendra",
    title: "Wali Kota Banda Aceh",
    role: "member",
    verified: true,
    affiliation: { kind: "region", code: "11.71" },
  },
  bukittinggi: {
    email: "walikota.bukittinggi@rembuk.id",
    name: "Irwan Syahputra",
    title: "Wali Kota Bukittinggi",
    role: "member",
    verified: true,
    affiliation: { kind: "region", code: "13.75" },
  },
  pekanbaru: {
    email: "walikota.pekanbaru@rembuk.id",
    name: "Ahmad Fauzan",
    title: "Wali Kota Pekanbaru",
    role: "member",
    verified: true,
    affiliation: { kind: "region", code: "14.71" },
  },
  palembang: {
    email: "walikota.palembang@rembuk.id",
    name: "Nurul Hidayah",
    title: "Wali Kota Palembang",
    role: "member",
    verified: true,
    affiliation: { kind: "region", code: "16.71" },
  },
  tangsel: {
    email: "walikota.tangsel@rembuk.id",
    name: "Maya Anggraini",
    title: "Wali Kota Tangerang Selatan",
    role: "member",
    verified: true,
    affiliation: { kind: "region", code: "36.74" },
  },
  semarang: {
    email: "walikota.semarang@rembuk.id",
    name: "Endah Purwaningsih",
    title: "Wali Kota Semarang",
    role: "member",
    verified: true,
    affiliation: { kind: "region", code: "33.74" },
  },
  banyumas: {
    email: "bupati.banyumas@rembuk.id",
    name: "Tri Handoko",
    title: "Bupati Banyumas",
    role: "member",
    verified: true,
    affiliation: { kind: "region", code: "33.02" },
  },
  denpasar: {
    email: "walikota.denpasar@rembuk.id",
    name: "I Made Suardana",
    title: "Wali Kota Denpasar",
    role: "member",
    verified: true,
    affiliation: { kind: "region", code: "51.71" },
  },
  badung: {
    email: "bupati.badung@rembuk.id",
    name: "I Gusti Ayu Sri Wahyuni",
    title: "Bupati Badung",
    role: "member",
    verified: true,
    affiliation: { kind: "region", code: "51.03" },
  },
  mataram: {
    email: "walikota.mataram@rembuk.id",
    name: "Lalu Ahmad Zaini",
    title: "Wali Kota Mataram",
    role: "member",
    verified: true,
    affiliation: { kind: "region", code: "52.71" },
  },
  kupang: {
    email: "walikota.kupang@rembuk.id",
    name: "Yohanes Bria",
    title: "Wali Kota Kupang",
    role: "member",
    verified: true,
    affiliation: { kind: "region", code: "53.71" },
  },
  pontianak: {
    email: "walikota.pontianak@rembuk.id",
    name: "Hendrik Saputra",
    title: "Wali Kota Pontianak",
    role: "member",
    verified: true,
    affiliation: { kind: "region", code: "61.71" },
  },
  balikpapan: {
    email: "walikota.balikpapan@rembuk.id",
    name: "Rudi Hartono",
    title: "Wali Kota Balikpapan",
    role: "member",
    verified: true,
    affiliation: { kind: "region", code: "64.71" },
  },
  manado: {
    email: "walikota.manado@rembuk.id",
    name: "Stevanus Lumowa",
    title: "Wali Kota Manado",
    role: "member",
    verified: true,
    affiliation: { kind: "region", code: "71.71" },
  },
  gorontalo: {
    email: "walikota.gorontalo@rembuk.id",
    name: "Fadli Hasan",
    title: "Wali Kota Gorontalo",
    role: "member",
    verified: true,
    affiliation: { kind: "region", code: "75.71" },
  },
  ambon: {
    email: "walikota.ambon@rembuk.id",
    name: "Johanis Latuheru",
    title: "Wali Kota Ambon",
    role: "member",
    verified: true,
    affiliation: { kind: "region", code: "81.71" },
  },
} as const satisfies Record<string, DemoUserSpec>;

export type PracticeLeaderKey = keyof typeof PRACTICE_LEADERS;

/** Creation order, spelled out so iteration keeps the key type. */
export const PRACTICE_LEADER_KEYS: readonly PracticeLeaderKey[] = [
  "bandaAceh",
  "bukittinggi",
  "pekanbaru",
  "palembang",
  "tangsel",
  "semarang",
  "banyumas",
  "denpasar",
  "badung",
  "mataram",
  "kupang",
  "pontianak",
  "balikpapan",
  "manado",
  "gorontalo",
  "ambon",
];
