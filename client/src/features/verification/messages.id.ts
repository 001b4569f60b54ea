/** Indonesian; `messages.en.ts` must have exactly these keys (the compiler checks). */
export const id = {
  "verification.title": "Verifikasi jabatan",
  "verification.lead":
    "Jabatan dan afiliasi yang Anda isi adalah klaim sampai diperiksa moderator. Hanya jabatan terverifikasi yang dapat bertindak atas nama daerah atau instansi: ruang terbatas, adopsi praktik, dan terbit tanpa antrean.",
  "verification.status.verified": "Terverifikasi",
  "verification.status.pending": "Sedang diperiksa",
  "verification.status.rejected": "Ditolak",
  "verification.status.verified.explain":
    "Jabatan dan afiliasi ini sudah diverifikasi. Mengubah salah satunya mengakhiri verifikasi.",
  "verification.status.pending.explain":
    "Moderator sedang memeriksa permintaan Anda. Anda akan diberi tahu hasilnya di sini.",
  "verification.status.rejected.explain":
    "Permintaan terakhir Anda ditolak. Anda dapat mengajukan lagi dengan bukti yang lebih lengkap.",
  "verification.status.none.explain":
    "Jabatan Anda tampil dengan tanda “belum terverifikasi” sampai diperiksa.",
  "verification.status.noClaim.explain":
    "Anda belum menyebut jabatan atau afiliasi. Jika Anda pejabat daerah atau instansi, ajukan verifikasi di bawah.",
  "verification.status.reason": "Alasan: {reason}",
  "verification.status.sentAt": "Diajukan {date}",
  "verification.officialEmail.waiting":
    "Email resmi {email} menunggu konfirmasi: buka tautan yang kami kirim ke sana.",
  "verification.officialEmail.confirmed": "Email resmi {email} sudah dikonfirmasi.",
  "verification.needsEmail": "Konfirmasikan dulu email akun Anda sebelum mengajukan verifikasi.",
  "verification.needsEmail.link": "Lihat email akun",
  "verification.update": "Perbarui permintaan",

  "verification.form.title": "Ajukan verifikasi",
  "verification.form.officeTitle": "Jabatan",
  "verification.form.officialEmail": "Email resmi instansi",
  "verification.form.officialEmail.hint":
    "Alamat pada domain pemerintah (…go.id). Kami mengirim tautan konfirmasi ke sana.",
  "verification.form.officialEmail.domain": "Gunakan alamat pada domain pemerintah (…go.id).",
  "verification.form.decreeNumber": "Nomor SK pengangkatan",
  "verification.form.decreeNumber.hint": "Contoh: 131.35-1234 Tahun 2025.",
  "verification.form.decreeDate": "Tanggal SK",
  "verification.form.note": "Catatan untuk moderator",
  "verification.form.note.hint": "Misalnya siapa yang dapat dihubungi untuk memastikan.",
  "verification.form.claimNotice":
    "Jabatan dan afiliasi ini menjadi isi profil Anda dan tampil “belum terverifikasi” sampai moderator memutuskan.",
  "verification.form.submit": "Kirim permintaan",
  "verification.form.sent": "Permintaan verifikasi terkirim ke moderator.",
  "verification.form.sentWithMail": "Permintaan terkirim. Buka tautan yang kami kirim ke email resmi Anda.",

  "verification.toast.approved": "Jabatan Anda sudah terverifikasi.",
  "verification.toast.rejected": "Permintaan verifikasi Anda ditolak. Alasan: {reason}",
  "verification.toast.revoked": "Verifikasi jabatan Anda dicabut. Alasan: {reason}",

  "verification.profile.request": "Ajukan verifikasi",
  "verification.profile.pending": "Verifikasi sedang diperiksa",

  "verification.queue.title": "Permintaan verifikasi",
  "verification.queue.lead":
    "Periksa klaim dan buktinya. Satu jabatan pimpinan hanya boleh dipegang satu akun terverifikasi; klaim lain atas jabatan yang sama tampil sebagai konflik.",
  "verification.queue.filter": "Tampilkan",
  "verification.queue.status.pending": "Menunggu",
  "verification.queue.status.approved": "Disetujui",
  "verification.queue.status.rejected": "Ditolak",
  "verification.queue.empty.pending": "Tidak ada permintaan yang menunggu.",
  "verification.queue.empty.other": "Belum ada permintaan di sini.",
  "verification.queue.error": "Permintaan verifikasi belum dapat dimuat.",
  "verification.queue.claim": "Klaim",
  "verification.queue.evidence": "Bukti",
  "verification.queue.officialEmail": "Email resmi",
  "verification.queue.emailConfirmed": "dikonfirmasi",
  "verification.queue.emailWaiting": "belum dikonfirmasi",
  "verification.queue.noEmail": "Tidak ada email resmi",
  "verification.queue.decree": "SK",
  "verification.queue.decreeValue": "{number}, {date}",
  "verification.queue.noDecree": "Tidak ada SK",
  "verification.queue.note": "Catatan",
  "verification.queue.office": "Jabatan pimpinan: {office}",
  "verification.queue.conflicts": "Konflik: akun lain mengklaim jabatan yang sama",
  "verification.queue.conflict.verified": "terverifikasi saat ini",
  "verification.queue.conflict.pending": "juga mengajukan",
  "verification.queue.conflict.claims": "mengklaim di profil",
  "verification.queue.conflictBlocks": "Cabut dulu verifikasi pemegang saat ini sebelum menyetujui.",
  "verification.queue.requested": "Diajukan {when}",
  "verification.queue.decided": "{status} oleh {name}, {when}",
  "verification.queue.reason": "Alasan: {reason}",
  "verification.queue.approve": "Setujui",
  "verification.queue.reject": "Tolak",
  "verification.queue.revoke": "Cabut verifikasi",
  "verification.queue.approvedToast": "Verifikasi disetujui. Anggota langsung melihat tanda terverifikasi.",
  "verification.queue.rejectTitle": "Tolak permintaan verifikasi",
  "verification.queue.rejectDescription": "{name} akan membaca alasan ini.",
  "verification.queue.rejected": "Permintaan ditolak dan alasannya dikirim.",
  "verification.queue.revokeTitle": "Cabut verifikasi",
  "verification.queue.revokeDescription":
    "{name} kehilangan tanda terverifikasi dan akses atas nama daerah atau instansinya.",
  "verification.queue.revoked": "Verifikasi dicabut.",
  "verification.queue.stillVerified": "Masih terverifikasi",
};
