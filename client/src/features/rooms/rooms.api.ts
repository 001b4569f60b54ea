import { z } from "zod";
import { api } from "../../lib/api";

/**
 * A room as listed by `GET /rooms`. The shared package has no RoomDto yet, so the client parses the
 * fields it shows and tolerates the rest (a plain-string name counts for both languages).
 */
const LocalizedText = z.union([
  z.object({ id: z.string(), en: z.string() }),
  z.string().transform((s) => ({ id: s, en: s })),
]);

export const RoomSummary = z.object({
  id: z.string(),
  slug: z.string(),
  name: LocalizedText,
  description: LocalizedText.optional().default({ id: "", en: "" }),
  visibility: z.string().optional().default("public"),
  threadCount: z.number().optional(),
  lastActivityAt: z.string().nullable().optional(),
});
export type RoomSummary = z.infer<typeof RoomSummary>;

const RoomList = z.object({ rooms: z.array(z.unknown()) });

export const roomsApi = {
  /** Rooms the viewer may see; entries the client cannot read are skipped rather than failing all. */
  list: async (signal?: AbortSignal): Promise<RoomSummary[]> => {
    const { rooms } = await api.get("/rooms", RoomList, { signal });
    const out: RoomSummary[] = [];
    for (const raw of rooms) {
      const parsed = RoomSummary.safeParse(raw);
      if (parsed.success) out.push(parsed.data);
    }
    return out;
  },
};
