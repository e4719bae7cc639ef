import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { serverHasAll } from '../../../shared/protocol/saved-state';
import { connectClient, eventually, recordSavedStates, whenSynced, type NodeClient } from '../../support/node-client';
import { startTestServer, type TestServer } from '../../support/test-server';

describe('SavedState confirmation', () => {
  let server: TestServer;
  let client: NodeClient;

  beforeEach(async () => {
    server = await startTestServer({ agendas: ['saved-state-doc'] });
  });
  afterEach(async () => {
    client?.destroy();
    await server.close();
  });

  it('confirms inserts and deletions only once the server holds them', async () => {
    client = connectClient(server.url, 'saved-state-doc', { connect: false });
    const saved = recordSavedStates(client);
    client.provider.connect();
    await whenSynced(client.provider);
    const text = client.ydoc.getText('t');
    text.insert(0, 'hello world');
    await eventually(() => saved.length > 0 && serverHasAll(client.ydoc, saved.at(-1)!), 10_000, 'insert confirmed');

    // A deletion adds no item (the state vector does not change) but must still be confirmed.
    client.provider.disconnect();
    text.delete(0, 6);
    const before = saved.length;
    expect(serverHasAll(client.ydoc, saved.at(-1)!)).toBe(false);
    client.provider.connect();
    await eventually(() => saved.length > before && serverHasAll(client.ydoc, saved.at(-1)!), 10_000, 'deletion confirmed');
    expect(server.hub.openDocuments()).toContain('saved-state-doc');
  });
});
