/// <reference lib="webworker" />
import { clientsClaim } from "workbox-core";
import { cleanupOutdatedCaches, createHandlerBoundToURL, precacheAndRoute } from "workbox-precaching";
import { NavigationRoute, registerRoute } from "workbox-routing";
import { CacheFirst } from "workbox-strategies";

/**
 * The app shell's service worker. The build fills `__WB_MANIFEST` with the shell (index.html, the
 * entry script and styles, both dictionaries, the manifest and icons), fetched once at install.
 * Page code loaded later is kept as it is used. No API answer is ever cached here: the page keeps
 * a signed-in person's reads itself, per person (lib/offline/dataCache.ts). Everything comes from
 * this origin.
 */
declare const self: ServiceWorkerGlobalScope;

const ASSETS_CACHE = "rembuk-assets";

self.skipWaiting();
clientsClaim();
cleanupOutdatedCaches();
precacheAndRoute(self.__WB_MANIFEST);

// Every page of the app is the same shell; the API, Socket.io and real files (a missing `.png`) are not.
registerRoute(
  new NavigationRoute(createHandlerBoundToURL("/index.html"), {
    denylist: [/^\/api\//, /^\/socket\.io\//, /\.[A-Za-z][A-Za-z0-9]*$/],
  }),
);

// Hashed files never change: once here, served from here.
const assets = new CacheFirst({ cacheName: ASSETS_CACHE });
registerRoute(({ url, sameOrigin }) => sameOrigin && url.pathname.startsWith("/assets/"), assets);

// The page tells us what it loaded before we were in control (see lib/offline/serviceWorker.ts).
self.addEventListener("message", (event: ExtendableMessageEvent) => {
  const data: unknown = event.data;
  if (!data || typeof data !== "object" || (data as { type?: unknown }).type !== "CACHE_URLS") return;
  const urls = (data as { payload?: { urlsToCache?: unknown } }).payload?.urlsToCache;
  if (!Array.isArray(urls)) return;
  const own = urls.filter(
    (u): u is string =>
      typeof u === "string" &&
      new URL(u, self.location.origin).origin === self.location.origin &&
      new URL(u, self.location.origin).pathname.startsWith("/assets/"),
  );
  event.waitUntil(
    caches.open(ASSETS_CACHE).then(async (cache) => {
      for (const url of own) if (!(await cache.match(url))) await cache.add(url).catch(() => undefined);
    }),
  );
});
