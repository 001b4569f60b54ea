import type { DemoUserKey } from "./demo.users.js";
import type { DemoContext, DemoSeeder } from "./seed.js";
import { createSession, setSessionStatus, askQuestion, moderateQuestion, setVote } from "../qa/index.js";

const VOTERS: DemoUserKey[] = [
  "admin",
  "moderator",
  "surabaya",
  "salatiga",
  "jateng",
  "kulonprogo",
  "makassar",
  "gowa",
  "sleman",
  "bandung",
];

interface DemoQuestion {
  by: DemoUserKey;
  text: string;
  anonymous?: boolean;
  votes: number;
  /** What the host did with it; left out: still pending (moderated sessions only). */
  then?: "approve" | { answer: string | null } | { dismiss: string };
}

let seq = 0;
const clientId = () => `demo-qa-${(seq++).toString(36).padStart(4, "0")}`;

async function seedSession(
  { user, log }: DemoContext,
  spec: {
    room: string;
    host: DemoUserKey;
    title: string;
    description: string;
    moderated: boolean;
    startsInDays?: number;
    questions: DemoQuestion[];
    highlight?: number;
    end?: boolean;
    live?: boolean;
  },
) {
  const host = user(spec.host);
  const startsAt =
    spec.startsInDays === undefined
      ? undefined
      : new Date(Date.now() + spec.startsInDays * 86_400_000).toISOString();
  const session = await createSession(host, spec.room, {
    title: spec.title,
    description: spec.description,
    startsAt,
    moderated: spec.moderated,
    allowAnonymous: true,
  });
  if (spec.live || spec.end) await setSessionStatus(host, session.id, { status: "live" });
  const ids: string[] = [];
  for (const q of spec.questions) {
    const { question } = await askQuestion(user(q.by), session.id, {
      text: q.text,
      anonymous: q.anonymous,
      clientId: clientId(),
    });
    ids.push(question.id);
    if (spec.moderated && q.then !== undefined)
      await moderateQuestion(host, question.id, { action: "approve" });
    const listed = !spec.moderated || q.then !== undefined;
    if (listed && (!q.then || typeof q.then === "string" || !("dismiss" in q.then))) {
      for (const voter of VOTERS.filter((v) => v !== q.by).slice(0, q.votes))
        await setVote(user(voter), question.id, true);
    }
    if (q.then && typeof q.then === "object") {
      if ("dismiss" in q.then)
        await moderateQuestion(host, question.id, { action: "dismiss", reason: q.then.dismiss });
      else
        await moderateQuestion(
          host,
          question.id,
          q.then.answer ? { action: "answer", answer: q.then.answer } : { action: "answer" },
        );
    }
  }
  if (spec.highlight !== undefined)
    await moderateQuestion(host, ids[spec.highlight], { action: "highlight" });
  if (spec.end) await setSessionStatus(host, session.id, { status: "ended" });
  log.info({ session: session.title, joinCode: session.joinCode }, "demo Q&A session");
}

/** Three sessions: one live (moderated, with a queue), one ended (archived), one scheduled. */
export const qaDemoSeeder: DemoSeeder = {
  name: "qa",
  run: async (ctx) => {
    await seedSession(ctx, {
      room: "inovasi-pelayanan-publik",
      host: "banyuwangi",
      title: "Tanya Jawab bersama Bupati Banyuwangi: Smart Kampung",
      description:
        "Smart Kampung menghubungkan kantor desa dengan layanan kabupaten: surat-menyurat, perizinan dasar, dan data warga. Tanyakan apa saja tentang biaya, pelatihan operator, dan cara mereplikasinya.",
      moderated: true,
      live: true,
      highlight: 0,
      questions: [
        {
          by: "salatiga",
          text: "Berapa biaya awal per desa untuk perangkat dan koneksi internetnya, dan dari pos anggaran mana?",
          votes: 8,
          then: "approve",
        },
        {
          by: "kulonprogo",
          text: "Bagaimana desa menjaga layanan tetap jalan ketika operator desa pindah tugas?",
          votes: 6,
          then: "approve",
        },
        {
          by: "gowa",
          text: "Apakah warga bisa mengurus surat dari rumah, atau tetap harus datang ke kantor desa?",
          votes: 5,
          then: {
            answer:
              "Bisa dari rumah untuk 12 jenis surat; tanda tangan elektronik kepala desa sudah berlaku sejak 2023. Warga cukup datang untuk layanan yang butuh verifikasi fisik.",
          },
        },
        {
          by: "makassar",
          text: "Apa indikator keberhasilan yang dipakai untuk menilai Smart Kampung setelah tiga tahun?",
          votes: 4,
          then: "approve",
        },
        {
          by: "sleman",
          text: "Apakah data kependudukan desa disimpan di server kabupaten atau di desa masing-masing?",
          anonymous: true,
          votes: 3,
          then: "approve",
        },
        {
          by: "bandung",
          text: "Bisakah aplikasinya dibagikan sebagai kode terbuka ke kabupaten lain?",
          votes: 0,
        },
        {
          by: "jateng",
          text: "Bagaimana Smart Kampung terhubung dengan SPBE provinsi dan layanan Dukcapil?",
          anonymous: true,
          votes: 0,
        },
        {
          by: "surabaya",
          text: "Ada rekomendasi vendor laptop murah?",
          votes: 0,
          then: { dismiss: "Di luar topik sesi; silakan bahas di ruang Pemerintahan Digital." },
        },
      ],
    });
    await seedSession(ctx, {
      room: "pemerintahan-digital-spbe",
      host: "surabaya",
      title: "Tanya Jawab Mal Pelayanan Publik Digital Surabaya",
      description:
        "Sesi berbagi tentang penggabungan 200 layanan perizinan dalam satu aplikasi dan satu gedung.",
      moderated: false,
      end: true,
      questions: [
        {
          by: "makassar",
          text: "Berapa lama waktu yang dibutuhkan untuk mengintegrasikan layanan dari 20 perangkat daerah?",
          votes: 7,
          then: {
            answer:
              "Sekitar 18 bulan. Enam bulan pertama habis untuk menyepakati standar data dan SOP bersama, bukan untuk membangun aplikasi.",
          },
        },
        {
          by: "gowa",
          text: "Bagaimana mengatasi penolakan dari dinas yang merasa kehilangan kewenangan?",
          votes: 6,
          then: { answer: null },
        },
        {
          by: "salatiga",
          text: "Apakah ada survei kepuasan masyarakat sebelum dan sesudah mal pelayanan dibuka?",
          votes: 4,
        },
        {
          by: "kulonprogo",
          text: "Berapa jumlah petugas yang dibutuhkan untuk satu loket terpadu?",
          votes: 2,
        },
      ],
    });
    await seedSession(ctx, {
      room: "manajemen-asn",
      host: "jateng",
      title: "Manajemen Talenta ASN di Jawa Tengah",
      description:
        "Bagaimana provinsi memetakan talenta ASN dan mengisi jabatan pimpinan tinggi secara terbuka. Kirim pertanyaan Anda sebelum sesi dimulai.",
      moderated: true,
      startsInDays: 3,
      questions: [
        {
          by: "sleman",
          text: "Bagaimana kabupaten kecil bisa memulai manajemen talenta tanpa aplikasi khusus?",
          votes: 3,
          then: "approve",
        },
      ],
    });
  },
};
