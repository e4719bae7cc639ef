import type { Awareness } from 'y-protocols/awareness';

/** What `announcePresenceOnConnect` needs of a y-websocket provider. */
export interface PresenceProvider {
  readonly awareness: Awareness;
  on(event: 'status', handler: (event: { status: string }) => void): void;
}

/**
 * Makes `provider` announce its presence at a new awareness clock whenever it connects.
 * When a connection closes, the server removes its person from everyone's awareness at her
 * last clock, and y-protocols applies only a newer clock: a client that reconnected with its
 * old clock would be missing from everyone's list, and the server would not know which Yjs
 * client the connection speaks for (the rescue needs that), until y-websocket renews the
 * entry 15 s later. y-websocket reports "connected" before it sends its state, so the state
 * it sends carries the new clock.
 */
export function announcePresenceOnConnect(provider: PresenceProvider): void {
  provider.on('status', ({ status }) => {
    if (status !== 'connected') return;
    const state = provider.awareness.getLocalState();
    if (state !== null) provider.awareness.setLocalState({ ...state });
  });
}
