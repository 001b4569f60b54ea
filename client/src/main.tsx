import { StrictMode } from "react";
import { createRoot } from "react-dom/client";
import { z } from "zod";
import { App } from "./app/App";
import { bindSocketToStore } from "./store/socketBindings";

// The CSP forbids eval; without this zod probes `new Function` and the browser logs a violation.
z.config({ jitless: true });

const root = document.getElementById("root");
if (!root) throw new Error("#root missing from index.html");

bindSocketToStore();

createRoot(root).render(
  <StrictMode>
    <App />
  </StrictMode>,
);
