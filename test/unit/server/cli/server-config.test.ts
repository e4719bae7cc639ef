import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { serverConfig } from '../../../../server/cli/server-config';
import { parseFlags } from '../../../../server/cli/server-flags';
import { Limits } from '../../../../shared/protocol/limits';

describe('serverConfig', () => {
  it('takes each setting from its flag, else the environment, else the default', () => {
    const { flags } = parseFlags(['--port', '8080', '--trust-proxy']);
    const config = serverConfig(flags, { DAGSORDEN_PORT: '9', DAGSORDEN_DATA: '/srv/dagsorden', DAGSORDEN_MAX_CONNECTIONS_PER_IP: '5' });
    expect(config).toMatchObject({ host: '127.0.0.1', port: 8080, dataDir: '/srv/dagsorden', trustProxy: true, synchronous: 'full' });
    expect(config.limits).toEqual({ ...Limits, maxConnectionsPerAddress: 5 });
    expect(serverConfig(new Map(), {}).dataDir).toBe(path.resolve('./data'));
  });

  it('names the setting that has a bad value', () => {
    expect(() => serverConfig(parseFlags(['--port', 'x']).flags, {})).toThrow(/--port/);
    expect(() => serverConfig(new Map(), { DAGSORDEN_TRUST_PROXY: 'maybe' })).toThrow(/--trust-proxy/);
    expect(() => serverConfig(new Map(), { DAGSORDEN_MAX_FRAME_BYTES: '-1' })).toThrow(/--max-frame-bytes/);
    expect(() => serverConfig(new Map(), { DAGSORDEN_SQLITE_SYNCHRONOUS: 'off' })).toThrow(/--sqlite-synchronous/);
  });
});
