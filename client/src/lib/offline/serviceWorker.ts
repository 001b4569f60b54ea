/**
 * Registers the app shell's service worker (`src/sw.ts`, built to `/sw.js`) once the page has
 * loaded and the browser is idle, so it never competes with the first visit's own downloads. Then
 * hands it the code and styles this page already loaded (from the browser's HTTP cache, no second
 * download), so the pages visited before going offline open offline too.
 */
export function registerServiceWorker(): void {
  if (!import.meta.env.PROD || !("serviceWorker" in navigator)) return;
  const start = () => {
    navigator.serviceWorker
      .register("/sw.js", { scope: "/" })
      .then(() => navigator.serviceWorker.ready)
      .then((registration) => {
        const urlsToCache = performance
          .getEntriesByType("resource")
          .map((entry) => entry.name)
          .filter(
            (name) =>
              new URL(name).origin === location.origin && new URL(name).pathname.startsWith("/assets/"),
          );
        registration.active?.postMessage({ type: "CACHE_URLS", payload: { urlsToCache } });
      })
      .catch((e: unknown) => console.warn("Service worker not registered", e));
  };
  const idle = () =>
    "requestIdleCallback" in window ? requestIdleCallback(start, { timeout: 5000 }) : setTimeout(start, 1000);
  if (document.readyState === "complete") idle();
  else window.addEventListener("load", idle, { once: true });
}
