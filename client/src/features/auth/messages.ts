const id = {
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

const en: Record<keyof typeof id, string> = {
  "auth.email": "Email",
  "auth.password": "Password",
  "auth.name": "Full name",
  "auth.name.hint": "The name your colleagues will see on Rembuk.",
  "auth.password.hint": "At least {min} characters.",

  "auth.login.pageTitle": "Sign in",
  "auth.login.title": "Sign in to Rembuk",
  "auth.login.lead": "Keep sharing and learning from other regions' good practices.",
  "auth.login.submit": "Sign in",
  "auth.login.noAccount": "No account yet?",
  "auth.login.toRegister": "Register now",
  "auth.login.invalid": "Incorrect email or password. Please check and try again.",
  "auth.login.rateLimited":
    "Too many failed sign-ins from this address, so further attempts are slowed down. Try again in {duration} (around {time}), or choose a new password through “Forgot password?”.",
  "auth.login.rateLimitedLater":
    "Too many failed sign-ins from this address. Try again in a little while, or choose a new password through “Forgot password?”.",
  "auth.login.suspendedUntil": "Your account is suspended until {date}.",

  "auth.register.pageTitle": "Register",
  "auth.register.title": "Join Rembuk",
  "auth.register.lead":
    "A place for regional leaders, agency heads and civil servants to share practices that worked.",
  "auth.register.submit": "Create account",
  "auth.register.haveAccount": "Already have an account?",
  "auth.register.toLogin": "Sign in",
  "auth.register.emailTaken": "This email is already registered. Sign in or use another email.",
  "auth.register.privacy": "Your email is never shown to other users.",

  "auth.toast.welcome": "Welcome back, {name}.",
  "auth.toast.registered": "Your account is ready. Welcome aboard, {name}!",
  "auth.toast.sessionEnded": "Your session has ended. Please sign in again.",
  "auth.toast.sessionExpired": "Your session has expired. Please sign in again.",
  "auth.toast.suspended": "Your account has been suspended, so you have been signed out.",
};

export const authMessages = { id, en };
