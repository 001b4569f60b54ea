const id = {
  "rooms.visibility.members": "Khusus anggota",
  "rooms.visibility.restricted": "Terbatas",
  "rooms.breadcrumb": "Ruang diskusi",
  "rooms.page.empty.title": "Utas diskusi segera hadir",
  "rooms.page.empty.body": "Utas dan praktik baik di ruang ini akan tampil di sini.",
  "rooms.notFound.title": "Ruang tidak ditemukan",
  "rooms.notFound.body": "Ruang ini tidak ada atau Anda tidak memiliki akses ke sana.",
};

const en: Record<keyof typeof id, string> = {
  "rooms.visibility.members": "Members only",
  "rooms.visibility.restricted": "Restricted",
  "rooms.breadcrumb": "Discussion rooms",
  "rooms.page.empty.title": "Threads are coming soon",
  "rooms.page.empty.body": "Threads and good practices in this room will appear here.",
  "rooms.notFound.title": "Room not found",
  "rooms.notFound.body": "This room does not exist or you do not have access to it.",
};

export const roomsMessages = { id, en };
