import { registerThreadRecord } from "../posts/index.js";
import { extendThreadDtos } from "../threads/index.js";
import { practiceForThread } from "./practice.create.js";
import { practiceExtras } from "./practice.presenter.js";

// How practices plug into the features below them, without those importing practices. Loaded by this
// feature's index.ts.
// A practice thread is created with its record (`POST /rooms/:slug/threads` with `kind: 'practice'`)...
registerThreadRecord(practiceForThread);
// ...and carries its record and adoption counts wherever a thread DTO goes.
extendThreadDtos(practiceExtras);
