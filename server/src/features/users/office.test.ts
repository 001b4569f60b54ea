import { describe, expect, it } from "vitest";
import { officeKeyOf, officeOf } from "./office.js";

const region = (code: string) => ({ kind: "region", code }) as const;
const agency = (name: string) => ({ kind: "agency", name }) as const;

describe("leadership offices", () => {
  it.each([
    ["Bupati Banyuwangi", region("35.10"), "bupati"],
    ["  wakil   bupati Gowa", region("73.06"), "wakil bupati"],
    ["Wali Kota Salatiga", region("33.73"), "wali kota"],
    ["Walikota Salatiga", region("33.73"), "wali kota"],
    ["Wakil Wali Kota Semarang", region("33.74"), "wakil wali kota"],
    ["Gubernur Jawa Tengah", region("33"), "gubernur"],
    ["Mayor of Surabaya", region("35.78"), "wali kota"],
    ["Kepala Lembaga Administrasi Negara", agency("Lembaga Administrasi Negara"), "kepala"],
    ["Perencana Ahli Muda, Bappeda Kabupaten Sleman", region("34.04"), null],
    ["Kepala Bappeda", region("34.04"), null],
    ["Analis Kebijakan", agency("LAN"), null],
    ["Bupati", null, null],
  ] as const)("%s (%o) → %s", (title, affiliation, office) => {
    expect(officeOf(title, affiliation)).toBe(office);
  });

  it("keys an office by whose it is: the same office of two regions never conflicts", () => {
    expect(officeKeyOf("Bupati Banyuwangi", region("35.10"))).toBe("bupati|region:35.10");
    expect(officeKeyOf("Bupati", region("35.10"))).toBe(officeKeyOf("Bupati Banyuwangi", region("35.10")));
    expect(officeKeyOf("Bupati", region("35.11"))).not.toBe(officeKeyOf("Bupati", region("35.10")));
    expect(officeKeyOf("Kepala", agency(" lembaga  administrasi negara"))).toBe(
      officeKeyOf("Kepala LAN", agency("Lembaga Administrasi Negara")),
    );
  });
});
