/**
 * Search benchmark (issue 13): 100,000 posts, 5,000 practices and 20,000 people of generated
 * Indonesian text in the embedded database; p50/p95 of typical queries and of the typeahead through
 * the real search code, the same queries as a case-insensitive regex scan (the baseline), and what
 * indexing adds to a post's write. Prints a table; exits non-zero only on an error.
 *
 *   pnpm --filter @rembuk/bench bench:search        (or `pnpm bench`, which runs every bench)
 *   POSTS=20000 PRACTICES=1000 PEOPLE=4000 pnpm --filter @rembuk/bench bench:search
 *
 * Documents are generated straight into the index (building each one with the indexer's own
 * `buildDoc`); the write cost is measured separately on real posts through `indexPost`.
 */
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import type { SearchQuery } from "@rembuk/shared";
import { loadConfig } from "../server/src/config.js";
import { connectDb, syncAllIndexes } from "../server/src/lib/db.js";
import { buildDoc, WEIGHT } from "../server/src/features/search/document.js";
import { SearchDoc, SearchTerm, indexPost, search, suggest } from "../server/src/features/search/index.js";
import { applyStatDelta, statDelta } from "../server/src/features/search/impact.js";
import { ensureIndexFormat } from "../server/src/features/search/format.js";
import { ensureRegionsIndexed } from "../server/src/features/search/regions.js";
import { Post } from "../server/src/features/posts/post.model.js";
import { Thread } from "../server/src/features/threads/thread.model.js";
import { Room } from "../server/src/features/rooms/room.model.js";
import { fold, analyse } from "../server/src/features/search/text.js";

// The server's own Mongoose (this package does not depend on it directly).
const { Types } = SearchDoc.base;

const POSTS = Number(process.env.POSTS ?? 100_000);
const PRACTICES = Number(process.env.PRACTICES ?? 5_000);
const PEOPLE = Number(process.env.PEOPLE ?? 20_000);
const RUNS = Number(process.env.RUNS ?? 40);
const BASELINE_RUNS = Number(process.env.BASELINE_RUNS ?? 3);

// Deterministic pseudo-random numbers, so every run searches the same corpus.
let seed = 1337;
const rand = () => (seed = (seed * 1103515245 + 12345) % 2147483648) / 2147483648;
const pick = <T>(xs: readonly T[]): T => xs[Math.floor(Math.pow(rand(), 1.6) * xs.length)]!;

/** Real word forms around common roots (what officials write), so the stemmer does real work. */
const FORMS = [
  "pelayanan melayani layanan dilayani",
  "pembangunan membangun bangunan dibangun",
  "perencanaan rencana direncanakan merencanakan",
  "pengelolaan mengelola dikelola",
  "pemberdayaan berdaya memberdayakan",
  "kesehatan sehat menyehatkan",
  "pendidikan mendidik pendidik",
  "perizinan izin mengizinkan diizinkan",
  "pertanian petani bertani",
  "penganggaran anggaran menganggarkan",
  "pelaporan laporan melaporkan dilaporkan",
  "pengawasan mengawasi diawasi",
  "pembelajaran belajar mengajar pelajaran",
  "pekerjaan bekerja pekerja",
  "usaha pengusaha berusaha",
  "keuangan uang",
  "kebijakan bijak",
  "percepatan cepat mempercepat",
  "penurunan turun menurunkan",
  "peningkatan meningkat meningkatkan",
  "penanganan menangani ditangani",
  "pencegahan mencegah dicegah",
  "pemantauan memantau dipantau",
  "penyaluran menyalurkan disalurkan",
  "pendataan data mendata",
  "kependudukan penduduk",
  "pemerintahan pemerintah memerintah",
  "pengaduan mengadu aduan",
  "perbaikan memperbaiki diperbaiki",
  "penyediaan menyediakan tersedia",
  "pembiayaan biaya membiayai",
];
const NOUNS = (
  "warga desa kelurahan kecamatan puskesmas posyandu sekolah jalan air sampah pasar irigasi " +
  "sawah nelayan balita ibu hamil gizi stunting tengkes aplikasi sistem daring antrean loket dinas kantor bupati " +
  "wali kota gubernur camat lurah kader relawan anggaran program inovasi layanan publik digital"
).split(" ");
const GLUE = "yang dan di untuk dengan pada dari ke agar secara dalam oleh kini sudah lebih".split(" ");
const PLACES = [
  "Semarang",
  "Salatiga",
  "Surabaya",
  "Banyuwangi",
  "Makassar",
  "Kupang",
  "Padang",
  "Jayapura",
  "Sleman",
  "Bandung",
];
const FIRST = [
  "Sri",
  "Budi",
  "Agus",
  "Dewi",
  "Rina",
  "Joko",
  "Siti",
  "Ahmad",
  "Made",
  "Putu",
  "Yohanes",
  "Nur",
  "Andi",
  "Wahyu",
];
const LAST = [
  "Wahyuni",
  "Santoso",
  "Pratama",
  "Lestari",
  "Hidayat",
  "Saputra",
  "Kurniawan",
  "Rahmawati",
  "Siregar",
  "Nasution",
];
const REGIONS = ["33.73", "33.74", "35.78", "35.10", "73.71", "53.71", "13.71", "94.71", "34.04", "32.73"];
const SECTORS = ["1.01", "1.02", "1.03", "2.05", "2.08", "3.25", "3.27", "5.01"];

const word = () => {
  const r = rand();
  if (r < 0.35) return pick(FORMS).split(" ")[Math.floor(rand() * 3)] ?? "layanan";
  if (r < 0.75) return pick(NOUNS);
  if (r < 0.95) return pick(GLUE);
  return r < 0.975 ? pick(PLACES) : String(Math.floor(rand() * 2030));
};
const sentence = (n: number) => {
  const ws = Array.from({ length: n }, word);
  if (rand() < 0.05) ws.push("MPP");
  if (rand() < 0.05) ws.push("Mal Pelayanan Publik");
  const s = ws.join(" ");
  return `${s[0]!.toUpperCase()}${s.slice(1)}.`;
};
const paragraph = () =>
  Array.from({ length: 2 + Math.floor(rand() * 4) }, () => sentence(6 + Math.floor(rand() * 10))).join(" ");

const pct = (xs: number[], p: number) => {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.floor((p / 100) * s.length))]!;
};
const fmt = (n: number) => (n >= 100 ? n.toFixed(0) : n.toFixed(1));

async function main() {
  const dataDir = mkdtempSync(join(tmpdir(), "rembuk-bench-search-"));
  const config = loadConfig({ NODE_ENV: "development", DATA_DIR: dataDir, DEMO_CONTENT: "false" });
  const db = await connectDb({ ...config, devdbInMemory: true });
  await syncAllIndexes();
  const roomIds = Array.from({ length: 8 }, () => new Types.ObjectId());
  await Room.insertMany(
    roomIds.map((_id, i) => ({
      _id,
      slug: `ruang-${i}`,
      name: { id: `Ruang ${i}`, en: `Room ${i}` },
      visibility: i === 7 ? "restricted" : "public",
      allowedAffiliations: i === 7 ? [{ kind: "region", code: "33" }] : [],
    })),
  );
  await ensureRegionsIndexed();
  await ensureIndexFormat();

  // --- Generate the corpus ---------------------------------------------------------------------
  const t0 = performance.now();
  const started = new Date("2024-01-01T00:00:00Z").getTime();
  const total = POSTS + PRACTICES + PEOPLE;
  let batch: ReturnType<typeof buildDoc>["doc"][] = [];
  const words = new Map<string, string>();
  const stats = new Map<string, Map<string, number>>();
  const flush = async () => {
    if (batch.length) await SearchDoc.insertMany(batch, { ordered: false, lean: true });
    batch = [];
  };
  for (let i = 0; i < total; i++) {
    const createdAt = new Date(started + i * 60_000);
    const room = roomIds[i % roomIds.length]!;
    const status = i % 50 === 0 ? "queued" : "published";
    const access =
      status === "published" ? undefined : { status, viewers: [new Types.ObjectId().toString()] };
    let built: ReturnType<typeof buildDoc>;
    if (i < POSTS) {
      const text = paragraph();
      built = buildDoc({
        kind: "post",
        refId: new Types.ObjectId().toString(),
        title: sentence(5),
        text,
        url: "/threads/x",
        fields: [{ text, weight: WEIGHT.body }],
        createdAt,
        roomId: room,
        threadId: new Types.ObjectId().toString(),
        authorId: new Types.ObjectId().toString(),
        access,
      });
    } else if (i < POSTS + PRACTICES) {
      const title = sentence(5);
      const problem = paragraph();
      const approach = paragraph();
      const region = pick(REGIONS);
      built = buildDoc({
        kind: "practice",
        refId: new Types.ObjectId().toString(),
        title,
        text: `${problem} ${approach}`,
        url: "/practices/x",
        fields: [
          { text: title, weight: WEIGHT.title },
          { text: `${problem}\n${approach}\n${region}`, weight: WEIGHT.field },
        ],
        createdAt,
        roomId: room,
        regionCode: region,
        regionCodes: [region.slice(0, 2), region],
        sector: pick(SECTORS),
        stage: "implemented",
        adoptionCount: Math.floor(rand() * 5),
        boost: rand(),
      });
    } else {
      const name = `${pick(FIRST)} ${pick(LAST)}`;
      const office = `Kepala Dinas ${pick(NOUNS)} ${pick(PLACES)}`;
      built = buildDoc({
        kind: "person",
        refId: new Types.ObjectId().toString(),
        title: name,
        text: office,
        url: "/users/x",
        fields: [
          { text: name, weight: WEIGHT.title },
          { text: office, weight: WEIGHT.field },
        ],
        createdAt,
      });
    }
    batch.push(built.doc);
    statDelta([], built.doc.hot, stats);
    for (const w of built.words) if (!words.has(w)) words.set(w, analyse(w).terms[0] ?? w);
    if (batch.length === 1000) await flush();
    if ((i + 1) % 25_000 === 0) process.stdout.write(`  generated ${i + 1}/${total}\n`);
  }
  await flush();
  await applyStatDelta(stats);
  await SearchTerm.bulkWrite(
    [...words].map(([w, term]) => ({
      updateOne: { filter: { _id: w }, update: { $setOnInsert: { term } }, upsert: true },
    })),
    { ordered: false },
  );
  process.stdout.write(
    `corpus: ${total} documents, ${words.size} distinct words, built in ${((performance.now() - t0) / 1000).toFixed(0)} s\n`,
  );

  // --- Queries -----------------------------------------------------------------------------------
  const base: SearchQuery = { q: "", sort: "relevance", limit: 20 };
  const QUERIES: Array<{
    name: string;
    query: SearchQuery;
    regex: RegExp[];
    extra?: Record<string, unknown>;
  }> = [
    { name: "one word: layanan", query: { ...base, q: "layanan " }, regex: [/layan/i] },
    {
      name: "two words: pengelolaan sampah",
      query: { ...base, q: "pengelolaan sampah " },
      regex: [/kelola/i, /sampah/i],
    },
    {
      name: "phrase + prefix: penanganan stunting di pusk",
      query: { ...base, q: "penanganan stunting di pusk" },
      regex: [/tangan/i, /stunting/i, /pusk/i],
    },
    { name: "acronym: MPP", query: { ...base, q: "MPP " }, regex: [/mpp|mal pelayanan publik/i] },
    {
      name: "filters: pelayanan, practice, region 33",
      query: { ...base, q: "pelayanan ", kind: "practice", region: "33" },
      regex: [/layan/i],
      extra: { kind: "practice", regionCodes: "33" },
    },
  ];
  const SUGGESTS = ["pelay", "pemb", "sri wah", "salat", "mpp"];
  const reader = null;

  // Warm caches (document frequencies, stems) the way a running server has them.
  for (const q of QUERIES) await search(reader, q.query);
  const rows: string[][] = [];
  for (const q of QUERIES) {
    const times: number[] = [];
    let hits = 0;
    for (let r = 0; r < RUNS; r++) {
      const s = performance.now();
      const res = await search(reader, q.query);
      times.push(performance.now() - s);
      hits = Object.values(res.counts).reduce((a, b) => a + (b ?? 0), 0);
    }
    const base: number[] = [];
    let baseHits = 0;
    for (let r = 0; r < BASELINE_RUNS; r++) {
      const s = performance.now();
      const filter = {
        $and: [...q.regex.map((re) => ({ $or: [{ title: re }, { text: re }] })), { status: "published" }],
        ...(q.extra ?? {}),
      };
      const found = await SearchDoc.find(filter, { title: 1, text: 1, kind: 1 })
        .sort({ createdAt: -1 })
        .lean();
      baseHits = found.length;
      base.push(performance.now() - s);
    }
    const p95 = pct(times, 95);
    rows.push([
      q.name,
      String(hits),
      fmt(pct(times, 50)),
      fmt(p95),
      String(baseHits),
      fmt(pct(base, 50)),
      `${(pct(base, 50) / pct(times, 50)).toFixed(0)}×`,
      p95 <= 50 ? "ok" : "MISS",
    ]);
  }
  for (const q of SUGGESTS) await suggest(reader, { q, limit: 8 });
  for (const q of SUGGESTS) {
    const times: number[] = [];
    for (let r = 0; r < RUNS; r++) {
      const s = performance.now();
      await suggest(reader, { q, limit: 8 });
      times.push(performance.now() - s);
    }
    const re = new RegExp(fold(q).split(" ").join(".*"), "i");
    const base: number[] = [];
    for (let r = 0; r < BASELINE_RUNS; r++) {
      const s = performance.now();
      await SearchDoc.find(
        { title: re, kind: { $in: ["practice", "thread", "person", "region"] }, status: "published" },
        { title: 1 },
      )
        .limit(8)
        .lean();
      base.push(performance.now() - s);
    }
    const p95 = pct(times, 95);
    rows.push([
      `suggest: ${q}`,
      "-",
      fmt(pct(times, 50)),
      fmt(p95),
      "-",
      fmt(pct(base, 50)),
      `${(pct(base, 50) / pct(times, 50)).toFixed(0)}×`,
      p95 <= 30 ? "ok" : "MISS",
    ]);
  }

  // --- What indexing adds to a post's write ------------------------------------------------------
  const authorId = new Types.ObjectId();
  const thread = await Thread.create({
    roomId: roomIds[0],
    kind: "discussion",
    title: "Utas uji tulis",
    authorId,
    clientId: "bench",
    lastSeq: 1,
  });
  const writes: number[] = [];
  const indexing: number[] = [];
  for (let i = 0; i < 200; i++) {
    const body = paragraph();
    const s = performance.now();
    const post = await Post.create({
      threadId: thread._id,
      roomId: roomIds[0],
      seq: i + 2,
      authorId,
      body,
      html: body,
      clientId: `b${i}`,
    });
    const m = performance.now();
    await indexPost(post._id.toString());
    indexing.push(performance.now() - m);
    writes.push(m - s);
  }

  const head = ["query", "hits", "p50 ms", "p95 ms", "regex hits", "regex p50 ms", "speed-up", "goal"];
  const widths = head.map((h, i) => Math.max(h.length, ...rows.map((r) => r[i]!.length)));
  const line = (r: string[]) =>
    r.map((c, i) => (i === 0 ? c.padEnd(widths[i]!) : c.padStart(widths[i]!))).join("  ");
  process.stdout.write(
    `\n${line(head)}\n${widths.map((w) => "-".repeat(w)).join("  ")}\n${rows.map(line).join("\n")}\n`,
  );
  process.stdout.write(
    `\nindexing a new post: p50 ${fmt(pct(indexing, 50))} ms, p95 ${fmt(pct(indexing, 95))} ms (the post's own insert: p50 ${fmt(pct(writes, 50))} ms); goal ≤ 2 ms: ${pct(indexing, 50) <= 2 ? "ok" : "MISS"}\n`,
  );
  // The plan of a band read (what a relevance query sends) and of a rare term's lookup.
  for (const filter of [
    { hot: { $in: ["layan post 40", "layan post 39"] }, $and: [{ status: "published" }] },
    { terms: "2029" },
  ]) {
    const explained = (await SearchDoc.find(filter).explain("executionStats")) as unknown as {
      queryPlanner?: { winningPlan?: { inputStage?: { stage?: string; indexName?: string } } };
      executionStats?: { nReturned?: number; totalDocsExamined?: number };
    };
    const stage = explained.queryPlanner?.winningPlan?.inputStage;
    const ex = explained.executionStats;
    process.stdout.write(
      `plan for ${JSON.stringify(filter)}: ${stage?.stage ?? "COLLSCAN"} ${stage?.indexName ?? ""}, ${ex?.totalDocsExamined} examined, ${ex?.nReturned} returned\n`,
    );
  }
  await db.close();
  rmSync(dataDir, { recursive: true, force: true });
}

main().then(
  () => process.exit(0),
  (err: unknown) => {
    process.stderr.write(`${err instanceof Error ? (err.stack ?? err.message) : String(err)}\n`);
    process.exit(1);
  },
);
