import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { Awareness } from 'y-protocols/awareness';
import { announcePresenceOnConnect } from '../../../../shared/protocol/presence-on-connect';

/** A provider that reports the statuses it is told to, as y-websocket does. */
function fakeProvider(awareness: Awareness) {
  const handlers: Array<(event: { status: string }) => void> = [];
  return {
    awareness,
    on: (_event: 'status', handler: (event: { status: string }) => void) => handlers.push(handler),
    report: (status: string) => handlers.forEach((handler) => handler({ status })),
  };
}

describe('announcePresenceOnConnect', () => {
  it('gives the same presence a newer clock on every connect, so the server applies it again', () => {
    const awareness = new Awareness(new Y.Doc());
    awareness.setLocalStateField('user', { name: 'Anna' });
    const provider = fakeProvider(awareness);
    announcePresenceOnConnect(provider);
    const clock = () => awareness.meta.get(awareness.clientID)!.clock;
    const before = clock();
    provider.report('connected');
    expect(clock()).toBe(before + 1);
    provider.report('disconnected');
    provider.report('connecting');
    expect(clock()).toBe(before + 1);
    provider.report('connected');
    expect(clock()).toBe(before + 2);
    expect(awareness.getLocalState()).toEqual({ user: { name: 'Anna' } });
    awareness.destroy();
  });

  it('announces nothing for a client that has left (no local state)', () => {
    const awareness = new Awareness(new Y.Doc());
    awareness.setLocalState(null);
    const provider = fakeProvider(awareness);
    announcePresenceOnConnect(provider);
    provider.report('connected');
    expect(awareness.getLocalState()).toBeNull();
    awareness.destroy();
  });
});
