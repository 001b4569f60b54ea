import { getSocket, type RealtimeSocket } from "../../lib/socket";
import { send } from "../../lib/send";
import type { useStore } from "../../store";
import { adoptionCommands, type AdoptionDto, type PracticeDto } from "@rembuk/shared";

/**
 * What this tab watches live: region pages (their `region:<code>` socket room) and practice pages
 * (their thread room is joined by the posts slice). Counted, so two components watching one region
 * share a subscription. After a reconnect every watched page is joined again and reloaded, so a change
 * made while the connection was down is not missed.
 */
const regionWatchers = new Map<string, number>();
const practiceWatchers = new Map<string, number>();

function joinRegion(code: string) {
  if (!getSocket().connected) return; // The next connect joins it.
  void send(adoptionCommands.joinRegion, { code }).catch(() => undefined);
}

export function watchRegion(code: string): () => void {
  const n = regionWatchers.get(code) ?? 0;
  regionWatchers.set(code, n + 1);
  if (n === 0) joinRegion(code);
  return () => {
    const left = (regionWatchers.get(code) ?? 1) - 1;
    if (left > 0) return void regionWatchers.set(code, left);
    regionWatchers.delete(code);
    if (getSocket().connected) void send(adoptionCommands.leaveRegion, { code }).catch(() => undefined);
  };
}

export function watchPractice(id: string): () => void {
  practiceWatchers.set(id, (practiceWatchers.get(id) ?? 0) + 1);
  return () => {
    const left = (practiceWatchers.get(id) ?? 1) - 1;
    if (left > 0) practiceWatchers.set(id, left);
    else practiceWatchers.delete(id);
  };
}

/** `adoption:changed` and `practice:updated` → store; rejoin and refresh watched pages on every (re)connect. */
export function bindPracticesSocket(socket: RealtimeSocket, store: typeof useStore): () => void {
  const onAdoption = ({ adoption }: { adoption: AdoptionDto }) =>
    store.getState().internal_adoptionChanged(adoption);
  const onPractice = ({ threadId, practice }: { threadId: string; practice: PracticeDto }) =>
    store.getState().internal_practiceUpdated(threadId, practice);
  const onConnect = () => {
    // Whatever changed while no socket was listening arrives with a reload of each watched page.
    for (const code of regionWatchers.keys()) {
      joinRegion(code);
      void store.getState().loadRegionPage(code);
    }
    for (const id of practiceWatchers.keys()) void store.getState().loadPracticePage(id);
  };
  socket.on("adoption:changed", onAdoption);
  socket.on("practice:updated", onPractice);
  socket.on("connect", onConnect);
  return () => {
    socket.off("adoption:changed", onAdoption);
    socket.off("practice:updated", onPractice);
    socket.off("connect", onConnect);
  };
}
