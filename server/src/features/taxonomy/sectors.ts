import type { SectorDto } from "@rembuk/shared";

/**
 * Urusan pemerintahan konkuren of UU 23/2014 (Pasal 11–12): six mandatory basic-service affairs,
 * eighteen mandatory non-basic, eight optional, plus the supporting functions of Pasal 209/214
 * (planning, finance, civil service, training, research, oversight) where much of Rembuk's
 * bureaucratic-reform work lives. Codes follow the urusan numbering of Permendagri 90/2019, which
 * regional budgets (SIPD) already use, so a practice's sector joins up with budget data.
 */
export const SECTORS: readonly SectorDto[] = [
  { code: "1.01", group: "basic", name: "Pendidikan", nameEn: "Education" },
  { code: "1.02", group: "basic", name: "Kesehatan", nameEn: "Health" },
  {
    code: "1.03",
    group: "basic",
    name: "Pekerjaan Umum dan Penataan Ruang",
    nameEn: "Public works and spatial planning",
  },
  {
    code: "1.04",
    group: "basic",
    name: "Perumahan Rakyat dan Kawasan Permukiman",
    nameEn: "Public housing and settlements",
  },
  {
    code: "1.05",
    group: "basic",
    name: "Ketenteraman, Ketertiban Umum, dan Pelindungan Masyarakat",
    nameEn: "Public order and community protection",
  },
  { code: "1.06", group: "basic", name: "Sosial", nameEn: "Social affairs" },
  { code: "2.07", group: "nonBasic", name: "Tenaga Kerja", nameEn: "Labour" },
  {
    code: "2.08",
    group: "nonBasic",
    name: "Pemberdayaan Perempuan dan Pelindungan Anak",
    nameEn: "Women's empowerment and child protection",
  },
  { code: "2.09", group: "nonBasic", name: "Pangan", nameEn: "Food" },
  { code: "2.10", group: "nonBasic", name: "Pertanahan", nameEn: "Land" },
  { code: "2.11", group: "nonBasic", name: "Lingkungan Hidup", nameEn: "Environment" },
  {
    code: "2.12",
    group: "nonBasic",
    name: "Administrasi Kependudukan dan Pencatatan Sipil",
    nameEn: "Population administration and civil registration",
  },
  {
    code: "2.13",
    group: "nonBasic",
    name: "Pemberdayaan Masyarakat dan Desa",
    nameEn: "Community and village empowerment",
  },
  {
    code: "2.14",
    group: "nonBasic",
    name: "Pengendalian Penduduk dan Keluarga Berencana",
    nameEn: "Population control and family planning",
  },
  { code: "2.15", group: "nonBasic", name: "Perhubungan", nameEn: "Transport" },
  {
    code: "2.16",
    group: "nonBasic",
    name: "Komunikasi dan Informatika",
    nameEn: "Communication and informatics",
  },
  {
    code: "2.17",
    group: "nonBasic",
    name: "Koperasi, Usaha Kecil, dan Menengah",
    nameEn: "Cooperatives and small and medium enterprises",
  },
  { code: "2.18", group: "nonBasic", name: "Penanaman Modal", nameEn: "Investment" },
  { code: "2.19", group: "nonBasic", name: "Kepemudaan dan Olahraga", nameEn: "Youth and sports" },
  { code: "2.20", group: "nonBasic", name: "Statistik", nameEn: "Statistics" },
  { code: "2.21", group: "nonBasic", name: "Persandian", nameEn: "Cryptography" },
  { code: "2.22", group: "nonBasic", name: "Kebudayaan", nameEn: "Culture" },
  { code: "2.23", group: "nonBasic", name: "Perpustakaan", nameEn: "Libraries" },
  { code: "2.24", group: "nonBasic", name: "Kearsipan", nameEn: "Archives" },
  { code: "3.25", group: "optional", name: "Kelautan dan Perikanan", nameEn: "Marine affairs and fisheries" },
  { code: "3.26", group: "optional", name: "Pariwisata", nameEn: "Tourism" },
  { code: "3.27", group: "optional", name: "Pertanian", nameEn: "Agriculture" },
  { code: "3.28", group: "optional", name: "Kehutanan", nameEn: "Forestry" },
  {
    code: "3.29",
    group: "optional",
    name: "Energi dan Sumber Daya Mineral",
    nameEn: "Energy and mineral resources",
  },
  { code: "3.30", group: "optional", name: "Perdagangan", nameEn: "Trade" },
  { code: "3.31", group: "optional", name: "Perindustrian", nameEn: "Industry" },
  { code: "3.32", group: "optional", name: "Transmigrasi", nameEn: "Transmigration" },
  { code: "5.01", group: "support", name: "Perencanaan", nameEn: "Development planning" },
  { code: "5.02", group: "support", name: "Keuangan", nameEn: "Regional finance" },
  { code: "5.03", group: "support", name: "Kepegawaian", nameEn: "Civil service management" },
  { code: "5.04", group: "support", name: "Pendidikan dan Pelatihan", nameEn: "Civil service training" },
  { code: "5.05", group: "support", name: "Penelitian dan Pengembangan", nameEn: "Research and development" },
  {
    code: "6.01",
    group: "support",
    name: "Pengawasan (Inspektorat)",
    nameEn: "Internal oversight (inspectorate)",
  },
];

const byCode = new Map(SECTORS.map((s) => [s.code, s]));

export const isSectorCode = (code: string): boolean => byCode.has(code);
export const sectorByCode = (code: string): SectorDto | undefined => byCode.get(code);
