import type { SynonymGroup } from "../schemas/search.js";

/**
 * The domain's acronyms and synonyms, as shipped. Admins edit the live list (`PUT /api/search/synonyms`),
 * stored in the database and seeded from this file the first time it is read; keep this file the
 * reviewed default.
 */
export const DEFAULT_SYNONYMS: SynonymGroup[] = [
  { variants: ["MPP", "Mal Pelayanan Publik"] },
  { variants: ["SPBE", "Sistem Pemerintahan Berbasis Elektronik"] },
  { variants: ["ASN", "Aparatur Sipil Negara"] },
  { variants: ["PNS", "Pegawai Negeri Sipil"] },
  { variants: ["PTSP", "Pelayanan Terpadu Satu Pintu"] },
  { variants: ["OPD", "Organisasi Perangkat Daerah"] },
  { variants: ["Pemda", "Pemerintah Daerah"] },
  { variants: ["Pemprov", "Pemerintah Provinsi"] },
  { variants: ["Pemkab", "Pemerintah Kabupaten"] },
  { variants: ["Pemkot", "Pemerintah Kota"] },
  { variants: ["Musrenbang", "Musyawarah Perencanaan Pembangunan"] },
  { variants: ["APBD", "Anggaran Pendapatan dan Belanja Daerah"] },
  { variants: ["APBN", "Anggaran Pendapatan dan Belanja Negara"] },
  { variants: ["RPJMD", "Rencana Pembangunan Jangka Menengah Daerah"] },
  { variants: ["Bappeda", "Badan Perencanaan Pembangunan Daerah"] },
  { variants: ["Puskesmas", "Pusat Kesehatan Masyarakat"] },
  { variants: ["Posyandu", "Pos Pelayanan Terpadu"] },
  { variants: ["UMKM", "Usaha Mikro Kecil dan Menengah"] },
  { variants: ["BUMDes", "Badan Usaha Milik Desa"] },
  { variants: ["DPMPTSP", "Dinas Penanaman Modal dan Pelayanan Terpadu Satu Pintu"] },
  { variants: ["Dukcapil", "Kependudukan dan Pencatatan Sipil"] },
  { variants: ["KTP", "Kartu Tanda Penduduk"] },
  { variants: ["stunting", "tengkes"] },
  { variants: ["e-government", "pemerintahan elektronik"] },
  { variants: ["perizinan", "izin usaha", "licensing"] },
];
