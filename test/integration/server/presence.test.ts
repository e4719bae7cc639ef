/**
 * Presence through the sync server (server/sync/shared-document.ts): who is in the agenda is
 * relayed to everyone, goes when a connection closes, and comes back at once when that person
 * reconnects, and the server knows which Yjs client each connection speaks for.
 */
import type WebSocket from 'ws';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { connectClient, eventually, whenSynced, type NodeClient } from '../../support/node-client';
import { startTestServer, type TestServer } from '../../support/test-server';

const DOC = 'dagsorden-tilstede';

/** The names in `client`'s awareness other than its own, sorted. */
function others(client: NodeClient): string[] {
  const names: string[] = [];
  for (const [id, state] of client.provider.awareness.getStates()) {
    const name = (state as { user?: { name?: string } }).user?.name;
    if (id !== client.ydoc.clientID && name) names.push(name);
  }
  return names.sort();
}

/** Breaks `client`'s connection without a goodbye, as a lost network does. */
function dropConnection(client: NodeClient): void {
  (client.provider.ws as unknown as WebSocket).terminate();
}

describe('presence through the sync server', () => {
  let server: TestServer;
  const clients: NodeClient[] = [];
  /** A client that announces `name`, as the editor does before it connects. */
  const join = (name: string): NodeClient => {
    const client = connectClient(server.url, DOC, { connect: false });
    client.provider.awareness.setLocalStateField('user', { name });
    client.provider.connect();
    clients.push(client);
    return client;
  };

  beforeEach(async () => {
    server = await startTestServer({ agendas: [DOC] });
  });
  afterEach(async () => {
    for (const client of clients.splice(0)) client.destroy();
    await server.close();
  });

  it('shows a colleague again as soon as she reconnects, not only when her presence is next renewed', async () => {
    const anna = join('Anna');
    const bo = join('Bo');
    await Promise.all([whenSynced(anna.provider), whenSynced(bo.provider)]);
    await eventually(() => others(bo).join() === 'Anna', 5_000, 'Bo to see Anna');

    // Her network goes: the server notices the closed socket and removes her; y-websocket reconnects.
    dropConnection(anna);
    await eventually(() => others(bo).length === 0, 5_000, 'Anna to leave Bo\'s list');
    await eventually(() => anna.provider.wsconnected, 5_000, 'Anna to reconnect');
    // y-websocket renews presence every 15 s; she must be back well before that.
    await eventually(() => others(bo).join() === 'Anna', 3_000, 'Bo to see Anna again after her reconnect');
    // The server knows the new connection speaks for her: when it breaks too, she leaves at once
    // (not when her entry times out after 30 s).
    anna.provider.shouldConnect = false;
    dropConnection(anna);
    await eventually(() => others(bo).length === 0, 3_000, 'Anna to leave Bo\'s list again');
  });
});
