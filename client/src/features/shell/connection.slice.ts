import type { ConnectionStatus } from "../../lib/socket";
import type { SliceCreator } from "../../store/types";

export type { ConnectionStatus };

export interface ConnectionSlice {
  /** `online`: socket connected; `reconnecting`: trying; `offline`: no network or failing for a while. */
  connection: ConnectionStatus;
  internal_setConnection: (status: ConnectionStatus) => void;
}

export const createConnectionSlice: SliceCreator<ConnectionSlice> = (set) => ({
  connection: "reconnecting",
  internal_setConnection: (connection) => set({ connection }),
});
