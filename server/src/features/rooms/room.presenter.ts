import type { RoomAbilitiesDto, RoomDto } from "@rembuk/shared";
import { toAffiliation } from "../users/index.js";
import type { RoomRecord } from "./room.model.js";

export interface RoomStats {
  threadCount: number;
  presenceCount: number;
  lastActivityAt: Date | null;
  /** Only for a signed-in viewer; omitted in broadcasts. */
  unreadThreads?: number;
}

/** `can`: the viewer's abilities, omitted in broadcasts. */
export function toRoomDto(room: RoomRecord, stats: RoomStats, can?: RoomAbilitiesDto): RoomDto {
  const dto: RoomDto = {
    id: room._id.toString(),
    slug: room.slug,
    name: { id: room.name.id, en: room.name.en },
    description: { id: room.description?.id ?? "", en: room.description?.en ?? "" },
    visibility: room.visibility,
    allowedAffiliations: room.allowedAffiliations.flatMap((a) => {
      const affiliation = toAffiliation(a);
      return affiliation ? [affiliation] : [];
    }),
    moderators: room.moderators.map(String),
    slowModeSeconds: room.slowModeSeconds,
    preModerated: room.preModerated,
    threadCount: stats.threadCount,
    presenceCount: stats.presenceCount,
    lastActivityAt: (stats.lastActivityAt ?? room.createdAt).toISOString(),
    createdAt: room.createdAt.toISOString(),
    updatedAt: room.updatedAt.toISOString(),
  };
  if (stats.unreadThreads !== undefined) dto.unreadThreads = stats.unreadThreads;
  if (can) dto.can = can;
  return dto;
}
