import { useMemo } from "react";
import { useShallow } from "zustand/react/shallow";
import type { RoomDto } from "@rembuk/shared";
import { useStore } from "../../store";

/** The rooms this viewer can see, in the sidebar's order; a stable array while nothing changed. */
export function useRoomList(): RoomDto[] {
  const list = useStore(useShallow((s) => s.roomOrder.map((id) => s.roomsById[id])));
  return useMemo(() => list.filter((r): r is RoomDto => r !== undefined), [list]);
}
