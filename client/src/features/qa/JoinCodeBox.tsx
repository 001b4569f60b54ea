import { lazy } from "react";

/**
 * The join-code box for pages outside Q&A (the signed-in home), loaded when shown: the form brings
 * the socket reconnect and its own styles, which the pages that import the Q&A front door for
 * anything else need not load.
 */
export const JoinCodeBox = lazy(() => import("./JoinCodeForm").then((m) => ({ default: m.JoinCodeForm })));
