const id = {
  "home.pageTitle": "Beranda",
  "home.eyebrow": "Forum praktik baik pemerintah daerah",
  "home.title": "Belajar dari daerah yang sudah berhasil",
  "home.welcomeBack": "Selamat datang kembali, {name}",
  "home.lead":
    "Rembuk mempertemukan gubernur, bupati, wali kota, dan pimpinan instansi untuk berbagi praktik yang terbukti berhasil: masalahnya, langkah yang diambil, biayanya, dan hasilnya.",
  "home.point.share.title": "Bagikan praktik baik",
  "home.point.share.body": "Ceritakan program yang berhasil di daerah Anda agar daerah lain dapat mencontohnya.",
  "home.point.discuss.title": "Diskusi langsung",
  "home.point.discuss.body": "Tanyakan detail pelaksanaan langsung kepada pemilik program dalam utas diskusi.",
  "home.point.qa.title": "Tanya jawab langsung",
  "home.point.qa.body": "Ikuti sesi tanya jawab bersama kepala daerah dan narasumber, lalu baca arsipnya kapan saja.",
  "home.cta.register": "Daftar sekarang",
  "home.cta.login": "Saya sudah punya akun",
  "home.rooms.title": "Ruang diskusi",
  "home.rooms.lead": "Setiap ruang membahas satu bidang urusan pemerintahan.",
  "home.rooms.empty.title": "Belum ada ruang diskusi",
  "home.rooms.empty.body": "Ruang diskusi akan tampil di sini setelah dibuka oleh penyelenggara.",
  "home.rooms.error.title": "Ruang diskusi belum dapat dimuat",
  "home.rooms.error.body": "Periksa koneksi Anda, lalu coba lagi.",
};

const en: Record<keyof typeof id, string> = {
  "home.pageTitle": "Home",
  "home.eyebrow": "Good-practice forum for regional government",
  "home.title": "Learn from regions that made it work",
  "home.welcomeBack": "Welcome back, {name}",
  "home.lead":
    "Rembuk brings governors, regents, mayors and agency heads together to share practices that worked: the problem, the steps taken, the cost and the results.",
  "home.point.share.title": "Share good practice",
  "home.point.share.body": "Describe a programme that worked in your region so others can follow it.",
  "home.point.discuss.title": "Discuss live",
  "home.point.discuss.body": "Ask the people who ran a programme about the details, right in the thread.",
  "home.point.qa.title": "Live Q&A",
  "home.point.qa.body": "Join Q&A sessions with regional leaders and experts, and read the archive any time.",
  "home.cta.register": "Register now",
  "home.cta.login": "I already have an account",
  "home.rooms.title": "Discussion rooms",
  "home.rooms.lead": "Each room covers one area of government affairs.",
  "home.rooms.empty.title": "No discussion rooms yet",
  "home.rooms.empty.body": "Rooms will appear here once the organisers open them.",
  "home.rooms.error.title": "Discussion rooms could not be loaded",
  "home.rooms.error.body": "Check your connection, then try again.",
};

export const homeMessages = { id, en };
