/** Indonesian; `messages.en.ts` must have exactly these keys (the compiler checks). */
export const id = {
  "account.pageTitle": "Pengaturan akun",
  "account.title": "Pengaturan akun",
  "account.lead": "Email, kata sandi, perangkat yang sedang masuk, dan verifikasi jabatan Anda.",

  "account.email.title": "Alamat email",
  "account.email.confirmed": "Sudah dikonfirmasi",
  "account.email.unconfirmed": "Belum dikonfirmasi",
  "account.email.unconfirmedExplain":
    "Buka tautan yang kami kirim ke alamat ini. Sebelum dikonfirmasi, Anda belum dapat mengajukan verifikasi atau menerima email.",
  "account.email.resend": "Kirim ulang tautan konfirmasi",
  "account.email.resent": "Tautan baru sudah dikirim ke {email}.",
  "account.email.pending":
    "Menunggu konfirmasi: {email}. Alamat ini menggantikan yang lama setelah tautan di dalam email tersebut dibuka.",
  "account.email.change": "Ganti email",
  "account.email.new": "Email baru",
  "account.email.newHint": "Kami mengirim tautan konfirmasi ke alamat baru ini.",
  "account.email.send": "Kirim tautan konfirmasi",

  "account.password.title": "Kata sandi",
  "account.password.current": "Kata sandi saat ini",
  "account.password.new": "Kata sandi baru",
  "account.password.repeat": "Ulangi kata sandi baru",
  "account.password.mismatch": "Kedua kata sandi tidak sama.",
  "account.password.wrongCurrent": "Kata sandi saat ini salah.",
  "account.password.othersSignedOut":
    "Setelah diganti, semua perangkat lain dikeluarkan; perangkat ini tetap masuk.",
  "account.password.submit": "Ganti kata sandi",
  "account.password.changed":
    "Kata sandi sudah diganti. Semua perangkat lain sudah dikeluarkan dari akun Anda.",

  "account.sessions.title": "Perangkat yang sedang masuk",
  "account.sessions.lead": "Jika ada perangkat yang tidak Anda kenal, keluarkan lalu ganti kata sandi.",
  "account.sessions.device": "{browser} di {system}",
  "account.sessions.unknownDevice": "Perangkat tidak dikenal",
  "account.sessions.thisDevice": "Perangkat ini",
  "account.sessions.meta": "Masuk {created} · terakhir aktif {seen}",
  "account.sessions.signOutOthers": "Keluarkan perangkat lain",
  "account.sessions.signedOutOthers": "Semua perangkat lain sudah dikeluarkan.",
  "account.sessions.error": "Daftar perangkat belum dapat dimuat.",

  "account.forgot.pageTitle": "Lupa kata sandi",
  "account.forgot.title": "Lupa kata sandi?",
  "account.forgot.lead": "Masukkan email akun Anda. Kami akan mengirim tautan untuk membuat kata sandi baru.",
  "account.forgot.submit": "Kirim tautan",
  "account.forgot.sent":
    "Jika {email} terdaftar di Rembuk, tautan untuk membuat kata sandi baru sudah dikirim ke sana. Tautan berlaku satu jam dan hanya sekali pakai.",
  "account.forgot.backToLogin": "Kembali ke halaman masuk",
  "account.forgot.link": "Lupa kata sandi?",

  "account.reset.pageTitle": "Buat kata sandi baru",
  "account.reset.title": "Buat kata sandi baru",
  "account.reset.lead": "Pilih kata sandi baru untuk akun Rembuk Anda.",
  "account.reset.submit": "Simpan dan masuk",
  "account.reset.othersSignedOut": "Semua perangkat lain yang masuk ke akun ini akan dikeluarkan.",
  "account.reset.again": "Minta tautan baru",
  "account.reset.done": "Kata sandi baru tersimpan. Selamat datang kembali, {name}.",

  "account.confirm.pageTitle": "Konfirmasi email",
  "account.confirm.title": "Konfirmasi email",
  "account.confirm.lead": "Kami memeriksa tautan dari email Anda.",
  "account.confirm.working": "Memeriksa tautan…",
  "account.confirm.done.email": "Terima kasih, alamat email akun Anda sudah dikonfirmasi.",
  "account.confirm.done.newEmail": "Alamat email baru sudah dikonfirmasi dan kini dipakai untuk akun Anda.",
  "account.confirm.done.officialEmail":
    "Email resmi sudah dikonfirmasi. Moderator kini melihatnya sebagai bukti pada permintaan verifikasi Anda.",
  "account.confirm.toAccount": "Buka pengaturan akun",
  "account.confirm.toLogin": "Masuk",
  "account.confirm.home": "Ke beranda",
};
