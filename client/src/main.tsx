import { StrictMode } from "react";
import { createRoot } from "react-dom/client";
import { z } from "zod";
import { App } from "./app/App";
import { preloadRoute } from "./app/routes";
import { loadDictionary } from "./lib/i18n";
import { syncOfflineCopies } from "./lib/offline/offlineSync";
import { registerServiceWorker } from "./lib/offline/serviceWorker";
import { useStore } from "./store";
import { bindSocketToStore } from "./store/socketBindings";

// The CSP forbids eval; without this zod probes `new Function` and the browser logs a violation.
z.config({ jitless: true });

const root = document.getElementById("root");
if (!root) throw new Error("#root missing from index.html");

bindSocketToStore();
syncOfflineCopies(useStore);

// What the first render needs is fetched at once, side by side, not one after another: the
// session, the code of the page the link points at, and the strings of the chosen language.
void useStore.getState().bootstrap();
void preloadRoute(window.location.pathname);
const locale = useStore.getState().locale;
await loadDictionary(locale).catch(() =>
  locale === "id" ? undefined : loadDictionary("id").catch(() => undefined),
);

createRoot(root).render(
  <StrictMode>
    <App />
  </StrictMode>,
);

registerServiceWorker();
