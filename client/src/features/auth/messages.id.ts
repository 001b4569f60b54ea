/** Indonesian; `messages.en.ts` must have exactly these keys (the compiler checks). */
export const id = {
  "auth.email": "Email",
  "auth.password": "Kata sandi",
  "auth.name": "Nama lengkap",
  "auth.name.hint": "Nama yang akan dilihat rekan Anda di Rembuk.",
  "auth.password.hint": "Minimal {min} karakter.",

  "auth.login.pageTitle": "Masuk",
  "auth.login.title": "Masuk ke Rembuk",
  "auth.login.lead": "Lanjutkan berbagi dan belajar dari praktik baik pemerintah daerah lain.",
  "auth.login.submit": "Masuk",
  "auth.login.noAccount": "Belum punya akun?",
  "auth.login.toRegister": "Daftar sekarang",
  "auth.login.invalid": "Email atau kata sandi salah. Periksa kembali lalu coba lagi.",
  "auth.login.rateLimited":
    "Terlalu banyak percobaan masuk yang gagal dari alamat ini, jadi percobaan berikutnya diperlambat. Coba lagi dalam {duration} (sekitar pukul {time}), atau buat kata sandi baru lewat “Lupa kata sandi?”.",
  "auth.login.rateLimitedLater":
    "Terlalu banyak percobaan masuk yang gagal dari alamat ini. Coba lagi beberapa saat lagi, atau buat kata sandi baru lewat “Lupa kata sandi?”.",
  "auth.login.suspendedUntil": "Akun Anda ditangguhkan hingga {date}.",

  "auth.register.pageTitle": "Daftar",
  "auth.register.title": "Bergabung dengan Rembuk",
  "auth.register.lead":
    "Ruang bagi kepala daerah, pimpinan instansi, dan aparatur untuk saling berbagi praktik yang berhasil.",
  "auth.register.submit": "Buat akun",
  "auth.register.haveAccount": "Sudah punya akun?",
  "auth.register.toLogin": "Masuk",
  "auth.register.emailTaken": "Email ini sudah terdaftar. Silakan masuk atau gunakan email lain.",
  "auth.register.privacy": "Email Anda tidak ditampilkan kepada pengguna lain.",

  "auth.toast.welcome": "Selamat datang kembali, {name}.",
  "auth.toast.registered": "Akun Anda sudah dibuat. Selamat bergabung, {name}!",
  "auth.toast.sessionEnded": "Sesi Anda telah berakhir. Silakan masuk kembali.",
  "auth.toast.sessionExpired": "Sesi Anda kedaluwarsa. Silakan masuk kembali.",
  "auth.toast.suspended": "Akun Anda ditangguhkan, sehingga Anda dikeluarkan dari Rembuk.",
};
