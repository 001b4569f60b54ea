/**
 * What a signed-in person last read, kept on this device so a reload without a connection still
 * shows it: the session check, rooms, and the threads they opened with their latest posts. Each
 * person's copies live in a Cache Storage cache of their own (`rembuk-data-<userId>`), written only
 * while they are signed in and deleted when they sign out or another account signs in, so nobody
 * ever reads another person's answers. Guests keep nothing. Where Cache Storage is missing (tests,
 * old browsers, plain http) every call is a no-op.
 */

const CACHE_PREFIX = "rembuk-data-";
const USER_KEY = "rembuk.offline.user";
/** Enough for the threads someone reads in a few days, small enough to stay well inside quota. */
const MAX_ENTRIES = 120;

/** The API reads worth keeping: who I am, rooms, threads and their posts. */
const KEPT = /^\/api\/(auth\/me|rooms(\/[^/]+(\/threads)?)?|threads\/[^/]+(\/posts)?)$/;

let userId: string | null = readUser();
/** True once an answer on screen came from this device rather than the server. */
let servedFromCache = false;
const listeners = new Set<() => void>();

function storage(): Storage | null {
  try {
    return typeof localStorage === "undefined" ? null : localStorage;
  } catch {
    return null;
  }
}

function readUser(): string | null {
  return storage()?.getItem(USER_KEY) ?? null;
}

function cacheStorage(): CacheStorage | null {
  return typeof caches === "undefined" ? null : caches;
}

const cacheName = (id: string) => CACHE_PREFIX + id;

/** The path and query the cache is keyed by (`/api/threads/abc/posts?limit=50`). */
function keyOf(url: string): URL {
  return new URL(url, "http://rembuk.local");
}

function kept(url: string): boolean {
  return KEPT.test(keyOf(url).pathname);
}

/**
 * Who is signed in now (null: nobody). A different person than before, or a sign-out, deletes the
 * previous person's copies first.
 */
export async function setOfflineUser(next: string | null): Promise<void> {
  const previous = userId;
  if (previous === next) return;
  userId = next;
  if (next) storage()?.setItem(USER_KEY, next);
  else storage()?.removeItem(USER_KEY);
  if (previous) await cacheStorage()?.delete(cacheName(previous));
}

/** The server says this browser has no session: whatever was kept for the last person goes. */
export async function forgetOfflineUser(): Promise<void> {
  await setOfflineUser(null);
}

/** Keeps a successful GET answer for the signed-in person; pass a clone the caller does not read. */
export async function remember(url: string, response: Response): Promise<void> {
  const store = cacheStorage();
  if (!store || !userId || !kept(url) || !response.ok) return;
  const owner = userId;
  try {
    const cache = await store.open(cacheName(owner));
    // Signed out while it was being written: drop it instead of leaving it for the next person.
    if (userId !== owner) return void store.delete(cacheName(owner));
    const key = keyOf(url).toString();
    await cache.delete(key);
    await cache.put(key, response);
    const keys = await cache.keys();
    for (const old of keys.slice(0, Math.max(0, keys.length - MAX_ENTRIES))) await cache.delete(old);
  } catch {
    // Quota or private mode: the app works as before, only without an offline copy.
  }
}

/** Stores a JSON body as if the server had answered it at `url` (posts that came over the socket). */
export async function rememberJson(url: string, body: unknown): Promise<void> {
  await remember(
    url,
    new Response(JSON.stringify(body), { headers: { "Content-Type": "application/json" } }),
  );
}

/**
 * The kept answer for a GET that could not reach the server: the same URL, else the same path with
 * any query (the latest page of a thread's posts is asked for with its head seq, which a reload
 * offline cannot know changed). Null when nothing was kept.
 */
export async function recall(url: string): Promise<Response | null> {
  const store = cacheStorage();
  if (!store || !userId || !kept(url)) return null;
  try {
    const cache = await store.open(cacheName(userId));
    const key = keyOf(url);
    const path = new URL(key.pathname, key.origin).toString();
    const hit =
      (await cache.match(key.toString())) ??
      (await cache.match(path)) ??
      (await cache.match(path, { ignoreSearch: true }));
    if (!hit) return null;
    if (!servedFromCache) {
      servedFromCache = true;
      for (const listener of listeners) listener();
    }
    return hit;
  } catch {
    return null;
  }
}

/** Whether something on screen came from this device's copy (for the offline notice). */
export function isServedFromCache(): boolean {
  return servedFromCache;
}

export function onServedFromCache(listener: () => void): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

/** The server answered again: what is shown from now on is fresh. */
export function markFresh(): void {
  if (!servedFromCache) return;
  servedFromCache = false;
  for (const listener of listeners) listener();
}
