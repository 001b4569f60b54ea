/** Indonesian; `messages.en.ts` must have exactly these keys (the compiler checks). */
export const id = {
  "home.pageTitle": "Beranda",
  "home.eyebrow": "Forum praktik baik pemerintah daerah",
  "home.title": "Belajar dari daerah yang sudah berhasil",
  "home.welcomeBack": "Selamat datang kembali, {name}",
  "home.lead":
    "Rembuk mempertemukan gubernur, bupati, wali kota, dan pimpinan instansi untuk berbagi praktik yang terbukti berhasil: masalahnya, langkah yang diambil, biayanya, dan hasilnya.",
  "home.point.share.title": "Bagikan praktik baik",
  "home.point.share.body":
    "Ceritakan program yang berhasil di daerah Anda agar daerah lain dapat mencontohnya.",
  "home.point.discuss.title": "Diskusi langsung",
  "home.point.discuss.body":
    "Tanyakan detail pelaksanaan langsung kepada pemilik program dalam utas diskusi.",
  "home.point.qa.title": "Tanya jawab langsung",
  "home.point.qa.body":
    "Ikuti sesi tanya jawab bersama kepala daerah dan narasumber, lalu baca arsipnya kapan saja.",
  "home.cta.register": "Daftar sekarang",
  "home.cta.login": "Saya sudah punya akun",
  "home.rooms.title": "Ruang diskusi",
  "home.rooms.lead": "Setiap ruang membahas satu bidang urusan pemerintahan.",
  "home.rooms.empty.title": "Belum ada ruang diskusi",
  "home.rooms.empty.body": "Ruang diskusi akan tampil di sini setelah dibuka oleh penyelenggara.",
  "home.rooms.error.title": "Ruang diskusi belum dapat dimuat",
  "home.rooms.error.body": "Periksa koneksi Anda, lalu coba lagi.",
};
