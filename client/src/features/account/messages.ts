const id = {
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

const en: Record<keyof typeof id, string> = {
  "account.pageTitle": "Account settings",
  "account.title": "Account settings",
  "account.lead": "Your email, password, the devices signed in, and the verification of your position.",

  "account.email.title": "Email address",
  "account.email.confirmed": "Confirmed",
  "account.email.unconfirmed": "Not confirmed",
  "account.email.unconfirmedExplain":
    "Open the link we sent to this address. Until it is confirmed you cannot request verification or receive email.",
  "account.email.resend": "Send the confirmation link again",
  "account.email.resent": "A new link has been sent to {email}.",
  "account.email.pending":
    "Awaiting confirmation: {email}. It replaces the current address once the link in that email is opened.",
  "account.email.change": "Change email",
  "account.email.new": "New email",
  "account.email.newHint": "We send a confirmation link to the new address.",
  "account.email.send": "Send confirmation link",

  "account.password.title": "Password",
  "account.password.current": "Current password",
  "account.password.new": "New password",
  "account.password.repeat": "Repeat the new password",
  "account.password.mismatch": "The two passwords differ.",
  "account.password.wrongCurrent": "The current password is wrong.",
  "account.password.othersSignedOut":
    "Once changed, every other device is signed out; this one stays signed in.",
  "account.password.submit": "Change password",
  "account.password.changed": "Password changed. Every other device has been signed out of your account.",

  "account.sessions.title": "Devices signed in",
  "account.sessions.lead": "If you do not recognise a device, sign it out and change your password.",
  "account.sessions.device": "{browser} on {system}",
  "account.sessions.unknownDevice": "Unknown device",
  "account.sessions.thisDevice": "This device",
  "account.sessions.meta": "Signed in {created} · last active {seen}",
  "account.sessions.signOutOthers": "Sign out other devices",
  "account.sessions.signedOutOthers": "Every other device has been signed out.",
  "account.sessions.error": "The device list could not be loaded.",

  "account.forgot.pageTitle": "Forgot password",
  "account.forgot.title": "Forgot your password?",
  "account.forgot.lead": "Enter your account's email. We will send a link to choose a new password.",
  "account.forgot.submit": "Send link",
  "account.forgot.sent":
    "If {email} is registered on Rembuk, a link to choose a new password has been sent there. It works once, for one hour.",
  "account.forgot.backToLogin": "Back to sign in",
  "account.forgot.link": "Forgot password?",

  "account.reset.pageTitle": "Choose a new password",
  "account.reset.title": "Choose a new password",
  "account.reset.lead": "Pick a new password for your Rembuk account.",
  "account.reset.submit": "Save and sign in",
  "account.reset.othersSignedOut": "Every other device signed in to this account will be signed out.",
  "account.reset.again": "Ask for a new link",
  "account.reset.done": "New password saved. Welcome back, {name}.",

  "account.confirm.pageTitle": "Confirm email",
  "account.confirm.title": "Confirm email",
  "account.confirm.lead": "We are checking the link from your email.",
  "account.confirm.working": "Checking the link…",
  "account.confirm.done.email": "Thank you, your account's email address is confirmed.",
  "account.confirm.done.newEmail": "Your new email address is confirmed and now used for your account.",
  "account.confirm.done.officialEmail":
    "Official email confirmed. Moderators now see it as evidence on your verification request.",
  "account.confirm.toAccount": "Open account settings",
  "account.confirm.toLogin": "Sign in",
  "account.confirm.home": "Go to the home page",
};

export const accountMessages = { id, en };
