import { PracticeInput, RoomUpdateInput } from "@rembuk/shared";
import type { Actor } from "../../lib/actor.js";
import type { DemoSeeder } from "./seed.js";
import { createPost, createThread, Post } from "../posts/index.js";
import { updateRoom } from "../rooms/index.js";
import { Thread } from "../threads/index.js";
import { createFlag, resolveFlag, moderatePost, moderateThread } from "../moderation/index.js";

let seq = 0;
const clientId = () => `demo-mod-${(seq++).toString(36).padStart(4, "0")}`;

/** A demo thread by its (unique) title; the forum seeder made them. */
async function threadId(title: string): Promise<string> {
  const t = await Thread.findOne({ title }, { _id: 1 }).lean();
  if (!t) throw new Error(`demo thread "${title}" is missing`);
  return t._id.toString();
}

/** The id of a thread's post by its seq. */
async function postId(thread: string, seq: number): Promise<string> {
  const p = await Post.findOne({ threadId: thread, seq }, { _id: 1 }).lean();
  if (!p) throw new Error(`demo post ${seq} of ${thread} is missing`);
  return p._id.toString();
}

const reply = async (who: Actor, thread: string, body: string) =>
  (await createPost(who, thread, { body, clientId: clientId() })).post.id;

/**
 * The moderators' demo: a pre-moderated room with a reply waiting in it, a practice by an unverified
 * official waiting for review, open flags (one on a post that shares a resident's personal data), a
 * hidden promotional reply, and an audit history (room settings, a pin, curated threads, a locked
 * coordination thread, decided flags). Everything through the services, as the demo moderator.
 */
export const moderationDemoSeeder: DemoSeeder = {
  name: "moderation",
  run: async ({ user }) => {
    const siti = user("moderator");
    const admin = user("admin");

    // Room settings, by the organising agency's moderator (logged with before/after).
    await updateRoom(siti, "pendidikan-tinggi-terapan", RoomUpdateInput.parse({ preModerated: true }));
    await updateRoom(siti, "pemerintahan-digital-spbe", RoomUpdateInput.parse({ slowModeSeconds: 30 }));

    // Curation: a pinned, curated flagship thread, another curated one, a closed coordination thread.
    const smartKampung = await threadId("Smart Kampung: layanan administrasi cukup di kantor desa");
    await moderateThread(siti, smartKampung, { action: "pin", reason: "Contoh praktik unggulan bulan ini" });
    await moderateThread(siti, smartKampung, { action: "feature" });
    await moderateThread(
      siti,
      await threadId("Manajemen talenta ASN: memulai dari pemetaan sembilan kotak"),
      { action: "feature" },
    );
    await moderateThread(siti, await threadId("Lorong Garden: menghijaukan lorong kota bersama warga"), {
      action: "feature",
    });
    await moderateThread(
      admin,
      await threadId("Koordinasi pengendalian inflasi daerah menjelang hari raya"),
      {
        action: "lock",
        reason: "Rapat koordinasi telah selesai; kesimpulan dirangkum di pos terakhir.",
      },
    );

    // A reply waiting in the pre-moderated room (Dewi Lestari is not a verified official).
    const tugasBelajar = await threadId("Tugas belajar ASN ke politeknik: bagaimana memilih program studi?");
    await reply(
      user("sleman"),
      tugasBelajar,
      "Di Bappeda Sleman kami memetakan dulu kebutuhan jabatan lima tahun ke depan, baru memilih program studi. " +
        "Apakah ada daerah yang sudah mengikat tugas belajar dengan **rencana suksesi**?",
    );

    // A practice by an unverified official, waiting for review.
    await createThread(
      user("bandung"),
      { slug: "inovasi-pelayanan-publik" },
      {
        kind: "practice",
        title: "Aduan warga lewat WhatsApp terpadu di Diskominfo Kota Bandung",
        body: "Satu nomor WhatsApp untuk semua aduan warga, diteruskan otomatis ke perangkat daerah yang berwenang.",
        clientId: clientId(),
        practice: PracticeInput.parse({
          problem:
            "Aduan warga tersebar di belasan akun media sosial dan sering tidak sampai ke dinas yang berwenang.",
          approach:
            "Satu nomor WhatsApp dengan bot penerima aduan, klasifikasi oleh petugas piket, dan tenggat tindak lanjut tiga hari kerja.",
          results: [{ indicator: "Aduan ditindaklanjuti dalam 3 hari", before: 41, after: 78, unit: "%" }],
          cost: { amount: 120_000_000, source: "APBD" },
          regionCode: "32.73",
          sector: "2.16",
          stage: "trial",
          startDate: "2025-02-01",
          sdgs: [16],
          links: [],
          contact: "Diskominfo Kota Bandung",
        }),
      },
    );

    // Flags. An open one on a reply that names a resident with their NIK (for a moderator to hide).
    const mpp = await threadId("Mal Pelayanan Publik: pelajaran dari tahun pertama");
    const personal = await reply(
      user("bandung"),
      mpp,
      "Contoh kasus: Ibu Sumarni (NIK 3273015507650002) menunggu tiga jam di loket kependudukan kemarin.",
    );
    await createFlag(user("surabaya"), {
      targetType: "post",
      targetId: personal,
      reason: "inappropriate",
      note: "Menyebut nama dan NIK warga.",
    });
    await createFlag(user("makassar"), { targetType: "post", targetId: personal, reason: "inappropriate" });
    await createFlag(user("kulonprogo"), {
      targetType: "post",
      targetId: await postId(mpp, 2),
      reason: "misinformation",
      note: "Angka di pos ini berbeda dengan laporan evaluasi resmi; mohon dicek ulang.",
    });
    await createFlag(user("gowa"), {
      targetType: "thread",
      targetId: await threadId("Integrasi SPBE: mengurangi aplikasi yang tumpang tindih"),
      reason: "off-topic",
      note: "Mungkin lebih cocok di ruang Manajemen ASN?",
    });

    // A promotional reply, flagged, hidden with a reason, the flag resolved (the flagger is told).
    const spbe = await threadId("Integrasi SPBE: mengurangi aplikasi yang tumpang tindih");
    const promo = await reply(
      user("sleman"),
      spbe,
      "Kami menyediakan jasa pembuatan aplikasi SPBE siap pakai, harga khusus untuk pemda. Hubungi 0812-0000-1111.",
    );
    const promoFlag = await createFlag(user("surabaya"), {
      targetType: "post",
      targetId: promo,
      reason: "spam",
      note: "Promosi jasa.",
    });
    await moderatePost(siti, promo, {
      action: "hide",
      reason: "Promosi komersial tidak diperbolehkan di forum.",
    });
    await resolveFlag(siti, promoFlag.id, {
      status: "resolved",
      note: "Terima kasih, pos sudah disembunyikan.",
    });

    // A flag looked at and dismissed.
    const dismissed = await createFlag(user("jateng"), {
      targetType: "post",
      targetId: await postId(smartKampung, 2),
      reason: "off-topic",
    });
    await resolveFlag(siti, dismissed.id, {
      status: "dismissed",
      note: "Masih relevan dengan pembahasan layanan desa.",
    });
  },
};
