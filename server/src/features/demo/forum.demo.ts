import type { ReactionKind, RoomCreateInput } from "@rembuk/shared";
import { RoomCreateInput as RoomCreateSchema } from "@rembuk/shared";
import type { DemoUserKey } from "./demo.users.js";
import type { DemoSeeder } from "./seed.js";
import { createPost, createThread, listPosts, reactToPost } from "../posts/index.js";
import { createRoom } from "../rooms/index.js";

/**
 * Demo rooms, threads and replies: real programmes (Smart Kampung Banyuwangi, Bela Beli Kulon Progo,
 * Lorong Garden Makassar, Mal Pelayanan Publik, manajemen talenta ASN, ASN Corporate University, SPBE)
 * discussed by the fictional demo leaders. Everything goes through the services, so the demo is data
 * the app itself could have produced (markdown rendered, seqs numbered, counters kept).
 */

interface DemoReply {
  by: DemoUserKey;
  body: string;
  /** Index (0 = opening post) of the post this one answers. */
  replyTo?: number;
  reactions?: Array<[DemoUserKey, ReactionKind]>;
}

interface DemoThread {
  by: DemoUserKey;
  title: string;
  tags: string[];
  body: string;
  reactions?: Array<[DemoUserKey, ReactionKind]>;
  replies: DemoReply[];
}

interface DemoRoom {
  room: Omit<
    RoomCreateInput,
    "allowedAffiliations" | "moderators" | "slowModeSeconds" | "preModerated" | "visibility"
  > &
    Partial<Pick<RoomCreateInput, "visibility" | "allowedAffiliations" | "slowModeSeconds">>;
  moderators?: DemoUserKey[];
  threads: DemoThread[];
}

const ROOMS: DemoRoom[] = [
  {
    room: {
      slug: "inovasi-pelayanan-publik",
      name: { id: "Inovasi Pelayanan Publik", en: "Public Service Innovation" },
      description: {
        id: "Berbagi inovasi layanan yang terbukti memudahkan warga: dari desa sampai mal pelayanan publik.",
        en: "Service innovations that made life easier for citizens, from villages to public service malls.",
      },
    },
    threads: [
      {
        by: "banyuwangi",
        title: "Smart Kampung: layanan administrasi cukup di kantor desa",
        tags: ["smart-kampung", "desa", "layanan-terpadu"],
        body:
          "Sejak program **Smart Kampung** berjalan, warga Banyuwangi bisa mengurus akta kelahiran, KK, dan surat keterangan langsung di kantor desa tanpa harus ke kota kabupaten.\n\n" +
          "Kuncinya tiga hal:\n\n1. Jaringan internet desa yang dibiayai bersama APBDes dan APBD.\n2. Petugas desa dilatih dan diberi akses ke sistem Dukcapil.\n3. Layanan dipantau lewat dasbor di kabupaten, sehingga antrean yang macet cepat terlihat.\n\n" +
          "Saya ingin mendengar bagaimana daerah lain mengatur kewenangan petugas desa agar tetap sesuai aturan.",
        reactions: [
          ["kulonprogo", "insightful"],
          ["gowa", "like"],
          ["moderator", "thanks"],
        ],
        replies: [
          {
            by: "gowa",
            body: "Terima kasih, Bu. Di Gowa kendala terbesar kami justru sinyal di desa pegunungan. Apakah Banyuwangi memakai satu penyedia jaringan untuk semua desa, atau desa memilih sendiri?",
            reactions: [["banyuwangi", "like"]],
          },
          {
            by: "banyuwangi",
            replyTo: 1,
            body: "Kami bermitra dengan beberapa penyedia, Pak, dengan standar layanan minimum yang sama. Desa yang paling sulit dijangkau kami dahulukan, bukan yang paling mudah.",
          },
          {
            by: "sleman",
            body: "Di Sleman kami sedang menyusun peraturan bupati tentang pelimpahan sebagian kewenangan layanan ke kalurahan. Boleh kami minta contoh SOP petugas desa di Banyuwangi?",
          },
          {
            by: "moderator",
            body: "Catatan moderator: dokumen SOP bisa dibagikan di utas ini dalam bentuk tautan ke situs resmi pemda, agar mudah dirujuk peserta lain.",
          },
        ],
      },
      {
        by: "surabaya",
        title: "Mal Pelayanan Publik: pelajaran dari tahun pertama",
        tags: ["mal-pelayanan-publik", "perizinan"],
        body:
          "Mal Pelayanan Publik (MPP) mengumpulkan layanan pemda, instansi vertikal, dan BUMN di satu gedung. Setelah setahun, beberapa pelajaran kami:\n\n" +
          "- **Antrean daring** mengurangi penumpukan di pagi hari.\n- Loket instansi vertikal perlu kesepakatan jam layanan yang sama sejak awal.\n- Survei kepuasan sebaiknya langsung di loket, bukan di akhir bulan.\n\n" +
          "| Indikator | Sebelum MPP | Sesudah MPP |\n| --- | --- | --- |\n| Rata-rata waktu tunggu | 95 menit | 30 menit |\n| Jenis layanan dalam satu lokasi | 12 | 140 |\n\n" +
          "Angka di atas ilustrasi dari evaluasi internal kami; silakan bandingkan dengan pengalaman daerah masing-masing.",
        reactions: [
          ["salatiga", "insightful"],
          ["makassar", "agree"],
        ],
        replies: [
          {
            by: "salatiga",
            body: "Di Salatiga MPP kami lebih kecil, tetapi kami menambahkan layanan keliling ke kelurahan setiap Sabtu. Warga lansia sangat terbantu.",
            reactions: [["surabaya", "thanks"]],
          },
          {
            by: "bandung",
            body: "Dari sisi teknis, apakah sistem antrean MPP sudah terhubung dengan aplikasi layanan kota, atau masih berdiri sendiri?",
          },
          {
            by: "surabaya",
            replyTo: 2,
            body: "Sudah terhubung lewat satu akun warga. Integrasinya kami kerjakan bertahap bersama Diskominfo, dimulai dari layanan yang paling banyak diakses.",
          },
        ],
      },
      {
        by: "makassar",
        title: "Lorong Garden: menghijaukan lorong kota bersama warga",
        tags: ["lorong-garden", "ketahanan-pangan", "partisipasi-warga"],
        body:
          "Makassar punya ribuan lorong (gang) yang padat. Melalui **Lorong Garden**, warga menanam sayur dan tanaman obat di pot dan dinding lorong.\n\n" +
          "Yang berhasil: lomba antar-lorong, pendampingan penyuluh pertanian, dan hasil panen yang dijual di lorong itu sendiri. Yang masih sulit: menjaga semangat setelah lomba selesai.",
        reactions: [
          ["banyuwangi", "like"],
          ["jateng", "insightful"],
        ],
        replies: [
          {
            by: "kulonprogo",
            body: "Menarik, Bu. Di Kulon Progo kami mengaitkan produk warga dengan gerakan **Bela Beli Kulon Progo**, supaya hasilnya punya pasar yang pasti. Mungkin hasil Lorong Garden bisa dibeli kantin kantor pemkot?",
            reactions: [
              ["makassar", "thanks"],
              ["moderator", "insightful"],
            ],
          },
          {
            by: "makassar",
            replyTo: 1,
            body: "Ide yang bagus, Pak. Kami akan coba dengan kantin di beberapa kantor kecamatan dulu.",
          },
        ],
      },
    ],
  },
  {
    room: {
      slug: "manajemen-asn",
      name: { id: "Manajemen ASN", en: "Civil Service Management" },
      description: {
        id: "Sistem merit, manajemen talenta, dan penataan jabatan ASN di daerah.",
        en: "Merit systems, talent management and job structuring for regional civil servants.",
      },
    },
    moderators: ["moderator"],
    threads: [
      {
        by: "jateng",
        title: "Manajemen talenta ASN: memulai dari pemetaan sembilan kotak",
        tags: ["manajemen-talenta", "sistem-merit"],
        body:
          "Kami memetakan pejabat administrator dan pengawas ke dalam **sembilan kotak** (kinerja × potensi) sebagai dasar kelompok rencana suksesi.\n\n" +
          "Pertanyaan untuk rekan-rekan: bagaimana menjaga agar hasil pemetaan dipercaya pegawai dan tidak dianggap formalitas?",
        reactions: [
          ["salatiga", "agree"],
          ["gowa", "insightful"],
        ],
        replies: [
          {
            by: "salatiga",
            body: "Kami membuka hasil pemetaan secara individual kepada setiap pegawai, lengkap dengan rencana pengembangannya. Keberatan bisa diajukan dalam dua minggu.",
          },
          {
            by: "gowa",
            body: "Setuju dengan keterbukaan. Kami juga melibatkan asesor dari luar pemda untuk uji potensi, sehingga hasilnya lebih objektif.",
            reactions: [["jateng", "like"]],
          },
          {
            by: "moderator",
            replyTo: 0,
            body: "Sebagai rujukan, ketentuan manajemen talenta ASN diatur dalam Peraturan Menteri PANRB. Silakan bagikan pengalaman penerapannya di utas ini.",
          },
        ],
      },
    ],
  },
  {
    room: {
      slug: "pengembangan-kompetensi",
      name: { id: "Pengembangan Kompetensi", en: "Competency Development" },
      description: {
        id: "Pelatihan, corporate university, dan pembelajaran terintegrasi bagi ASN.",
        en: "Training, corporate universities and integrated learning for civil servants.",
      },
    },
    threads: [
      {
        by: "moderator",
        title: "ASN Corporate University: dari pelatihan ke pembelajaran terintegrasi",
        tags: ["corporate-university", "pelatihan"],
        body:
          "Konsep **ASN Corporate University** yang didorong LAN menggeser pelatihan dari kegiatan terpisah menjadi pembelajaran yang terhubung langsung dengan masalah organisasi.\n\n" +
          "Beberapa pemda sudah membentuk corporate university sendiri. Apa langkah pertama yang paling berpengaruh di daerah Bapak/Ibu?",
        reactions: [
          ["jateng", "insightful"],
          ["sleman", "like"],
        ],
        replies: [
          {
            by: "jateng",
            body: "Bagi kami langkah pertama adalah memetakan kebutuhan kompetensi per urusan pemerintahan, lalu memilih tiga masalah prioritas daerah sebagai bahan belajar.",
          },
          {
            by: "sleman",
            body: "Proyek perubahan dari pelatihan kepemimpinan kami arahkan agar menjawab masalah nyata di OPD. Hasilnya lebih banyak proyek yang berlanjut setelah pelatihan selesai.",
            reactions: [["moderator", "thanks"]],
          },
        ],
      },
    ],
  },
  {
    room: {
      slug: "pendidikan-tinggi-terapan",
      name: { id: "Pendidikan Tinggi Terapan", en: "Applied Higher Education" },
      description: {
        id: "Kemitraan pemda dengan politeknik dan sekolah tinggi untuk menyiapkan aparatur.",
        en: "Partnerships between regions and polytechnics to prepare public servants.",
      },
    },
    threads: [
      {
        by: "gowa",
        title: "Tugas belajar ASN ke politeknik: bagaimana memilih program studi?",
        tags: ["tugas-belajar", "politeknik"],
        body: "Kami ingin mengirim ASN untuk tugas belajar di pendidikan tinggi terapan bidang administrasi publik. Bagaimana daerah lain menentukan program studi yang benar-benar dibutuhkan?",
        replies: [
          {
            by: "kulonprogo",
            body: "Kami mensyaratkan setiap peserta membawa satu masalah dari unit kerjanya sebagai topik tugas akhir. Dengan begitu ilmunya langsung kembali ke daerah.",
            reactions: [["gowa", "insightful"]],
          },
        ],
      },
    ],
  },
  {
    room: {
      slug: "pemerintahan-digital-spbe",
      name: { id: "Pemerintahan Digital (SPBE)", en: "Digital Government (SPBE)" },
      description: {
        id: "Sistem Pemerintahan Berbasis Elektronik: integrasi aplikasi, data, dan infrastruktur.",
        en: "Electronic-based government systems: integrating applications, data and infrastructure.",
      },
      slowModeSeconds: 10,
    },
    threads: [
      {
        by: "bandung",
        title: "Integrasi SPBE: mengurangi aplikasi yang tumpang tindih",
        tags: ["spbe", "integrasi", "satu-data"],
        body:
          "Inventarisasi kami menemukan puluhan aplikasi dengan fungsi serupa di berbagai OPD. Rencana kami:\n\n" +
          "1. Katalog aplikasi satu pintu.\n2. Layanan berbagi pakai (`login` tunggal, tanda tangan elektronik).\n3. Aplikasi baru wajib lewat kajian arsitektur SPBE daerah.\n\n" +
          "Ada saran agar OPD tidak merasa kehilangan aplikasinya?",
        reactions: [
          ["surabaya", "agree"],
          ["banyuwangi", "insightful"],
        ],
        replies: [
          {
            by: "surabaya",
            body: "Libatkan OPD sejak awal sebagai pemilik proses bisnis, bukan pemilik aplikasi. Di Surabaya itu yang membuat penggabungan aplikasi diterima.",
            reactions: [["bandung", "thanks"]],
          },
          {
            by: "banyuwangi",
            body: "Kami juga menetapkan satu data kependudukan sebagai acuan semua aplikasi. Perdebatan soal data ganda langsung berkurang.",
          },
        ],
      },
    ],
  },
  {
    room: {
      slug: "forum-pimpinan-jawa-tengah",
      name: { id: "Forum Pimpinan Daerah Jawa Tengah", en: "Central Java Leaders' Forum" },
      description: {
        id: "Ruang tertutup untuk gubernur, bupati, dan wali kota se-Jawa Tengah.",
        en: "A closed room for the governor, regents and mayors of Central Java.",
      },
      visibility: "restricted",
      allowedAffiliations: [{ kind: "region", code: "33" }],
    },
    moderators: ["moderator"],
    threads: [
      {
        by: "jateng",
        title: "Koordinasi pengendalian inflasi daerah menjelang hari raya",
        tags: ["inflasi", "koordinasi"],
        body: "Rekan bupati dan wali kota, mari berbagi langkah pengendalian harga menjelang hari raya: operasi pasar, kerja sama antardaerah, dan pemantauan stok.",
        replies: [
          {
            by: "salatiga",
            body: "Salatiga siap bekerja sama dengan kabupaten sekitar untuk pasokan cabai dan bawang. Kami usulkan data stok dibagikan setiap minggu di forum ini.",
            reactions: [["jateng", "agree"]],
          },
        ],
      },
    ],
  },
  {
    room: {
      slug: "ruang-anggota",
      name: { id: "Ruang Anggota", en: "Members' Room" },
      description: {
        id: "Tanya jawab regulasi dan praktik sehari-hari, khusus anggota yang sudah masuk.",
        en: "Questions on regulations and daily practice, for signed-in members.",
      },
      visibility: "members",
    },
    threads: [
      {
        by: "sleman",
        title: "Menyusun indikator kinerja utama yang terukur",
        tags: ["kinerja", "perencanaan"],
        body: "Bagaimana rekan-rekan merumuskan IKU yang benar-benar terukur dan tidak sekadar menghitung kegiatan?",
        replies: [
          {
            by: "bandung",
            body: 'Kami mulai dari pertanyaan "apa yang berubah bagi warga?", lalu memilih data yang sudah rutin dikumpulkan agar pengukurannya tidak menambah beban.',
          },
        ],
      },
    ],
  },
];

let seq = 0;
const demoClientId = () => `demo-${(++seq).toString().padStart(6, "0")}`;

export const forumDemoSeeder: DemoSeeder = {
  name: "rooms, threads and posts",
  run: async ({ user }) => {
    const admin = user("admin");
    for (const spec of ROOMS) {
      const room = await createRoom(
        admin,
        RoomCreateSchema.parse({
          ...spec.room,
          moderators: (spec.moderators ?? []).map((key) => user(key).id),
        }),
      );
      for (const t of spec.threads) {
        const { thread } = await createThread(
          user(t.by),
          { slug: room.slug },
          { title: t.title, body: t.body, tags: t.tags, clientId: demoClientId() },
        );
        // Index 0 is the opening post; replies follow in order.
        const postIds: string[] = [];
        const { posts } = await listPosts(user(t.by), thread.id, { afterSeq: 0, limit: 1 });
        postIds.push(posts[0].id);
        for (const [who, kind] of t.reactions ?? [])
          await reactToPost(user(who), posts[0].id, { kind, active: true });
        for (const r of t.replies) {
          const replyTo = r.replyTo === undefined ? undefined : postIds[r.replyTo];
          const { post } = await createPost(user(r.by), thread.id, {
            body: r.body,
            clientId: demoClientId(),
            replyTo,
          });
          postIds.push(post.id);
          for (const [who, kind] of r.reactions ?? [])
            await reactToPost(user(who), post.id, { kind, active: true });
        }
      }
    }
  },
};
