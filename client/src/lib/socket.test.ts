import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { watchConnection, type ConnectionSource, type ConnectionStatus, type NetworkSource } from "./socket";

/** A hand-driven socket and network, so every transition can be triggered on cue. */
function fakes({ online = true, connected = false } = {}) {
  const state = { online, connected, active: true, connectCalls: 0 };
  const handlers = {
    connect: [] as (() => void)[],
    disconnect: [] as ((reason: string) => void)[],
    error: [] as (() => void)[],
    network: [] as ((online: boolean) => void)[],
  };
  const source: ConnectionSource = {
    isConnected: () => state.connected,
    isActive: () => state.active,
    connect: () => {
      state.connectCalls += 1;
    },
    onConnect: (cb) => (handlers.connect.push(cb), () => undefined),
    onDisconnect: (cb) => (handlers.disconnect.push(cb), () => undefined),
    onConnectError: (cb) => (handlers.error.push(cb), () => undefined),
  };
  const network: NetworkSource = {
    isOnline: () => state.online,
    onChange: (cb) => (handlers.network.push(cb), () => undefined),
  };
  return {
    state,
    source,
    network,
    connect: () => {
      state.connected = true;
      handlers.connect.forEach((h) => h());
    },
    disconnect: (reason = "transport close") => {
      state.connected = false;
      handlers.disconnect.forEach((h) => h(reason));
    },
    fail: () => handlers.error.forEach((h) => h()),
    goOffline: () => {
      state.online = false;
      handlers.network.forEach((h) => h(false));
    },
    goOnline: () => {
      state.online = true;
      handlers.network.forEach((h) => h(true));
    },
  };
}

describe("watchConnection", () => {
  let statuses: ConnectionStatus[];
  const last = () => statuses[statuses.length - 1];

  beforeEach(() => {
    vi.useFakeTimers();
    statuses = [];
  });
  afterEach(() => vi.useRealTimers());

  it("starts reconnecting, then goes online on connect", () => {
    const f = fakes();
    watchConnection(f.source, { network: f.network, onStatus: (s) => statuses.push(s) });
    expect(statuses).toEqual(["reconnecting"]);
    f.connect();
    expect(last()).toBe("online");
  });

  it("starts offline when the browser is offline", () => {
    const f = fakes({ online: false });
    watchConnection(f.source, { network: f.network, onStatus: (s) => statuses.push(s) });
    expect(statuses).toEqual(["offline"]);
  });

  it("shows reconnecting after a drop, and offline only once failures last a while", () => {
    const f = fakes();
    watchConnection(f.source, {
      network: f.network,
      onStatus: (s) => statuses.push(s),
      offlineAfterMs: 5000,
    });
    f.connect();
    f.disconnect();
    expect(last()).toBe("reconnecting");
    f.fail();
    vi.advanceTimersByTime(4000);
    f.fail();
    expect(last()).toBe("reconnecting");
    vi.advanceTimersByTime(1500);
    expect(last()).toBe("offline");
    f.connect();
    expect(last()).toBe("online");
  });

  it("does not go offline if the connection comes back in time", () => {
    const f = fakes();
    watchConnection(f.source, {
      network: f.network,
      onStatus: (s) => statuses.push(s),
      offlineAfterMs: 5000,
    });
    f.fail();
    vi.advanceTimersByTime(2000);
    f.connect();
    vi.advanceTimersByTime(10_000);
    expect(statuses).toEqual(["reconnecting", "online"]);
  });

  it("follows the browser's network events and reconnects when the network returns", () => {
    const f = fakes();
    watchConnection(f.source, { network: f.network, onStatus: (s) => statuses.push(s) });
    f.connect();
    f.goOffline();
    f.disconnect();
    expect(last()).toBe("offline");
    f.goOnline();
    expect(last()).toBe("reconnecting");
    expect(f.state.connectCalls).toBe(1);
  });

  it("retries by itself when socket.io gives up (handshake refused or server kick)", () => {
    const f = fakes();
    watchConnection(f.source, { network: f.network, onStatus: (s) => statuses.push(s), manualRetryMs: 3000 });
    f.connect();
    f.disconnect("io server disconnect");
    vi.advanceTimersByTime(3000);
    expect(f.state.connectCalls).toBe(1);
    f.state.active = false;
    f.fail();
    vi.advanceTimersByTime(3000);
    expect(f.state.connectCalls).toBe(2);
  });

  it("stops listening when disposed", () => {
    const f = fakes();
    const stop = watchConnection(f.source, {
      network: f.network,
      onStatus: (s) => statuses.push(s),
      offlineAfterMs: 1000,
    });
    f.fail();
    stop();
    vi.advanceTimersByTime(5000);
    expect(statuses).toEqual(["reconnecting"]);
  });
});
