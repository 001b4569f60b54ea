import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";

/** Cache Storage as the browser has it, in memory (jsdom has none). */
function fakeCaches() {
  const stores = new Map<string, Map<string, Response>>();
  const cache = (entries: Map<string, Response>) => ({
    put: async (key: string, res: Response) => void entries.set(key, res),
    delete: async (key: string | Request) => entries.delete(typeof key === "string" ? key : key.url),
    keys: async () => [...entries.keys()].map((url) => new Request(url)),
    match: async (key: string, opts?: { ignoreSearch?: boolean }) => {
      const hit = opts?.ignoreSearch
        ? [...entries].find(([url]) => url.split("?")[0] === key.split("?")[0])?.[1]
        : entries.get(key);
      return hit?.clone();
    },
  });
  return {
    stores,
    api: {
      open: async (name: string) => {
        if (!stores.has(name)) stores.set(name, new Map());
        return cache(stores.get(name) as Map<string, Response>);
      },
      delete: async (name: string) => stores.delete(name),
      keys: async () => [...stores.keys()],
    },
  };
}

const json = (body: unknown) =>
  new Response(JSON.stringify(body), { headers: { "Content-Type": "application/json" } });
const read = async (res: Response | null) => (res ? ((await res.json()) as unknown) : null);

let fake: ReturnType<typeof fakeCaches>;
let cache: typeof import("./dataCache");

beforeEach(async () => {
  fake = fakeCaches();
  vi.stubGlobal("caches", fake.api);
  vi.resetModules();
  cache = await import("./dataCache");
});
afterEach(() => vi.unstubAllGlobals());

describe("the offline data cache", () => {
  it("keeps a signed-in person's reads in a cache of their own and answers them offline", async () => {
    await cache.setOfflineUser("u1");
    await cache.remember("/api/threads/t1", json({ thread: { id: "t1" } }));
    await cache.remember("/api/threads/t1/posts?beforeSeq=5&limit=50", json({ posts: [1] }));
    expect([...fake.stores.keys()]).toEqual(["rembuk-data-u1"]);

    expect(await read(await cache.recall("/api/threads/t1"))).toEqual({ thread: { id: "t1" } });
    // A reload may ask for the latest page with another head seq: the kept page still answers.
    expect(await read(await cache.recall("/api/threads/t1/posts?beforeSeq=9&limit=50"))).toEqual({
      posts: [1],
    });
    expect(cache.isServedFromCache()).toBe(true);
    cache.markFresh();
    expect(cache.isServedFromCache()).toBe(false);
  });

  it("keeps nothing for guests, nor reads outside the list", async () => {
    await cache.remember("/api/threads/t1", json({}));
    expect(fake.stores.size).toBe(0);
    await cache.setOfflineUser("u1");
    await cache.remember("/api/moderation/queue", json({}));
    await cache.remember("/api/users/u2", json({}));
    expect(await (await fake.api.open("rembuk-data-u1")).keys()).toEqual([]);
  });

  it("deletes a person's copies when they sign out or another account signs in", async () => {
    await cache.setOfflineUser("u1");
    await cache.remember("/api/threads/t1", json({ secret: "u1" }));
    await cache.setOfflineUser("u2");
    expect([...fake.stores.keys()]).toEqual([]);
    expect(await cache.recall("/api/threads/t1")).toBeNull();

    await cache.remember("/api/threads/t1", json({ secret: "u2" }));
    await cache.setOfflineUser(null);
    expect(fake.stores.size).toBe(0);
    expect(localStorage.getItem("rembuk.offline.user")).toBeNull();
  });

  it("stores the posts a thread received over the socket under the thread's posts path", async () => {
    await cache.setOfflineUser("u1");
    await cache.rememberJson("/api/threads/t1/posts", { posts: [{ seq: 3 }], headSeq: 3, hasMore: false });
    expect(await read(await cache.recall("/api/threads/t1/posts?beforeSeq=4&limit=50"))).toMatchObject({
      headSeq: 3,
    });
  });
});
