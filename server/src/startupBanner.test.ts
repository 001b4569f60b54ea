import { describe, expect, it } from "vitest";
import { formatDemoBanner } from "./startupBanner.js";

describe("formatDemoBanner", () => {
  it("lists each account's email, role, name and office, then the join codes", () => {
    const text = formatDemoBanner(
      [
        { email: "admin@rembuk.id", name: "Admin Rembuk", role: "admin", title: "Pengelola Platform Rembuk" },
        {
          email: "bupati.banyuwangi@rembuk.id",
          name: "Rina Kusumawardani",
          role: "member",
          title: "Bupati Banyuwangi",
        },
        { email: "tanpa.jabatan@rembuk.id", name: "Tanpa Jabatan", role: "member", title: "" },
      ],
      [{ title: "Smart Kampung", status: "live", joinCode: "ZDBZQK" }],
    );
    expect(text.split("\n")).toEqual([
      "",
      "  Akun demo (kata sandi: rembuk-demo-2026)",
      "    admin@rembuk.id              admin      Admin Rembuk · Pengelola Platform Rembuk",
      "    bupati.banyuwangi@rembuk.id  member     Rina Kusumawardani · Bupati Banyuwangi",
      "    tanpa.jabatan@rembuk.id      member     Tanpa Jabatan",
      "",
      "  Sesi tanya jawab (kode gabung)",
      "    ZDBZQK  berlangsung  Smart Kampung",
      "",
    ]);
    expect(formatDemoBanner([], [])).toBe("");
  });
});
