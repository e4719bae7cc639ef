import { describe, expect, it, vi } from 'vitest';
import { IPC_CHANNELS, DESKTOP_API_KEYS } from '../../../shared/protocol/ipc-contract';
import { ipcHandlers, setupIpc, isTrustedSender } from '../../../electron/ipc-handlers';

const exposed: Record<string, unknown> = {};
const invoke = vi.fn(async (channel: string, ..._args: unknown[]) => `invoked ${channel}`);
vi.mock('electron', () => ({
  contextBridge: { exposeInMainWorld: (key: string, api: unknown) => (exposed[key] = api) },
  ipcRenderer: { invoke: (channel: string, ...args: unknown[]) => invoke(channel, ...args), send: vi.fn(), on: vi.fn() },
}));

const appFrame = { url: 'dagsorden://app/index.html#/', parent: null };
const event = (senderFrame: unknown) => ({ senderFrame }) as never;

describe('IPC handlers', () => {
  const handlers = ipcHandlers({ serverUrl: () => 'ws://127.0.0.1:1234' });

  it('answers the app page', async () => {
    await expect(handlers.getServerUrl(event(appFrame))).resolves.toBe('ws://127.0.0.1:1234');
  });

  it('refuses foreign senders: other origins, sub-frames, missing frames', async () => {
    await expect(handlers.getServerUrl(event({ url: 'https://evil.example/', parent: null }))).rejects.toThrow(/egen side/);
    await expect(handlers.getServerUrl(event({ url: 'dagsorden://app/index.html', parent: appFrame }))).rejects.toThrow(/egen side/);
    await expect(handlers.getServerUrl(event(null))).rejects.toThrow(/egen side/);
    expect(isTrustedSender(event({ url: 'file:///index.html', parent: null }))).toBe(false);
  });

  it('refuses malformed arguments', async () => {
    await expect(handlers.getServerUrl(event(appFrame), 'extra')).rejects.toThrow(/ingen argumenter/);
  });

  it('registers exactly one handler per channel of the contract', () => {
    const handle = vi.fn();
    setupIpc({ handle } as never, { serverUrl: () => null });
    expect(handle.mock.calls.map(([channel]) => channel).sort()).toEqual(Object.values(IPC_CHANNELS).sort());
  });
});

describe('preload', () => {
  it('exposes exactly the contract, one function per operation, and no ipcRenderer', async () => {
    await import('../../../electron/preload');
    expect(Object.keys(exposed)).toEqual(['dagsorden']);
    const api = exposed.dagsorden as Record<string, unknown>;
    expect(Object.keys(api).sort()).toEqual([...DESKTOP_API_KEYS].sort());
    for (const key of DESKTOP_API_KEYS) expect(typeof api[key]).toBe('function');
    await (api.getServerUrl as () => Promise<unknown>)();
    expect(invoke).toHaveBeenCalledWith(IPC_CHANNELS.getServerUrl);
  });
});
