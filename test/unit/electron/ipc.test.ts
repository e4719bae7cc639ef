import { beforeEach, describe, expect, it, vi } from 'vitest';
import { IPC_CHANNELS, IPC_EVENTS, DESKTOP_API_KEYS, MAX_COPY_BYTES, type DesktopCalls, type ExportProgress } from '../../../shared/protocol/ipc-contract';
import { ipcHandlers, setupIpc, isTrustedSender, IpcRefusal, type IpcServices } from '../../../electron/ipc-handlers';
import { everyNodeAgenda } from '../../support/every-node-agenda';

const exposed: Record<string, unknown> = {};
const invoke = vi.fn(async (channel: string, ..._args: unknown[]) => `invoked ${channel}`);
const rendererListeners = new Map<string, Set<(event: unknown, payload: unknown) => void>>();
vi.mock('electron', () => ({
  contextBridge: { exposeInMainWorld: (key: string, api: unknown) => (exposed[key] = api) },
  ipcRenderer: {
    invoke: (channel: string, ...args: unknown[]) => invoke(channel, ...args),
    on: (channel: string, listener: (event: unknown, payload: unknown) => void) => {
      if (!rendererListeners.has(channel)) rendererListeners.set(channel, new Set());
      rendererListeners.get(channel)!.add(listener);
    },
    removeListener: (channel: string, listener: (event: unknown, payload: unknown) => void) => rendererListeners.get(channel)?.delete(listener),
  },
}));

const appFrame = { url: 'dagsorden://app/index.html#/', parent: null };
const sender = { id: 3, send: vi.fn(), isDestroyed: () => false };
const event = (senderFrame: unknown = appFrame) => ({ senderFrame, sender }) as never;
const foreignSenders = [
  { url: 'https://evil.example/', parent: null },
  { url: 'dagsorden://app/index.html', parent: appFrame },
  { url: 'file:///index.html', parent: null },
  { url: 'dagsorden://other/index.html', parent: null },
  null,
];

function fakeServices() {
  return {
    settings: {
      view: vi.fn(async () => ({ serverUrl: null, userName: '', initials: '', color: '#1f6fb2', hasToken: false, tokenStorageAvailable: true })),
      save: vi.fn(async () => ({ ok: true as const, settings: {} as never })),
      syncConnection: vi.fn(async () => ({ url: 'ws://127.0.0.1:1234', httpUrl: 'http://127.0.0.1:1234', token: 't' })),
    },
    windows: { openAgenda: vi.fn() },
    openExternal: vi.fn(async () => true),
    exports: { export: vi.fn(async () => ({ status: 'canceled' as const })), cancel: vi.fn() },
    files: {
      saveCopy: vi.fn(async () => ({ status: 'canceled' as const })),
      openCopy: vi.fn(async () => ({ status: 'canceled' as const })),
      importAgendaFile: vi.fn(async () => ({ status: 'canceled' as const })),
    },
    windowOf: vi.fn(() => null),
  } satisfies IpcServices;
}

/** A well-formed call of each operation. */
const validCalls: { [K in keyof DesktopCalls]: unknown[] } = {
  getSyncConnection: [],
  getSettings: [],
  saveSettings: [{ serverUrl: null, userName: 'Anne', initials: 'AH', color: '#123456' }],
  openAgendaWindow: ['kkr-midt-2024'],
  openExternal: ['https://www.kl.dk/'],
  exportPdf: [{ agenda: everyNodeAgenda(), public: false, pdfUa: false }],
  cancelExport: [],
  saveCopy: [{ state: new Uint8Array([1, 2, 3]), suggestedName: 'KKR Midtjylland' }],
  openCopy: [],
  importAgendaFile: [],
};

/** Malformed calls of each operation, every one of which must be refused. */
const malformedCalls: { [K in keyof DesktopCalls]: unknown[][] } = {
  getSyncConnection: [['x']],
  getSettings: [[{}]],
  saveSettings: [[], ['text'], [null], [[]], [{ serverUrl: null }], [{ serverUrl: null, userName: '', initials: '', color: '#000000', extra: 1 }], [validCalls.saveSettings[0], 2]],
  openAgendaWindow: [[], [42], ['../../etc'], ['AB'], ['x'.repeat(65)], [{ id: 'abc' }], ['kkr-midt-2024', 'x']],
  openExternal: [[], ['https://a.dk', 'b']],
  exportPdf: [[], ['agenda'], [{ agenda: {}, public: 'yes', pdfUa: false }], [{ agenda: {}, public: false }], [{ agenda: null, public: false, pdfUa: false }], [{ agenda: {}, public: false, pdfUa: false, path: '/etc/passwd' }]],
  cancelExport: [[1]],
  saveCopy: [[], [{ state: [1, 2, 3], suggestedName: 'x' }], [{ state: 'AQID', suggestedName: 'x' }], [{ state: new Uint8Array(0), suggestedName: 'x' }], [{ state: new Uint8Array(1), suggestedName: '' }], [{ state: new Uint8Array(1), suggestedName: 'x'.repeat(121) }], [{ state: new Uint8Array(1), suggestedName: 'x', path: '/tmp/x' }], [{ state: { length: MAX_COPY_BYTES + 1, byteLength: MAX_COPY_BYTES + 1 }, suggestedName: 'x' }]],
  openCopy: [['/etc/passwd']],
  importAgendaFile: [['/etc/passwd']],
};

describe('IPC handlers', () => {
  let services: ReturnType<typeof fakeServices>;
  let handlers: ReturnType<typeof ipcHandlers>;
  beforeEach(() => {
    services = fakeServices();
    handlers = ipcHandlers(services);
  });

  it('answers well-formed calls from the app page', async () => {
    for (const [name, args] of Object.entries(validCalls)) {
      await handlers[name as keyof DesktopCalls](event(), ...args);
    }
    expect(await handlers.getSyncConnection(event())).toEqual({ url: 'ws://127.0.0.1:1234', httpUrl: 'http://127.0.0.1:1234', token: 't' });
    expect(services.windows.openAgenda).toHaveBeenCalledWith('kkr-midt-2024');
    expect(services.openExternal).toHaveBeenCalledWith('https://www.kl.dk/', null);
    expect(services.files.saveCopy).toHaveBeenCalledWith(null, new Uint8Array([1, 2, 3]), 'KKR Midtjylland');
    expect(services.exports.export).toHaveBeenCalledWith(3, null, expect.objectContaining({ public: false, pdfUa: false }), expect.any(Function));
  });

  it('refuses every operation from foreign senders: other origins, sub-frames, file pages, missing frames', async () => {
    for (const [name, args] of Object.entries(validCalls)) {
      for (const frame of foreignSenders) {
        await expect(handlers[name as keyof DesktopCalls](event(frame), ...args), `${name} from ${JSON.stringify(frame)}`).rejects.toThrow(/Kaldet kommer ikke fra Dagsordens egen side/);
      }
    }
    for (const service of [services.settings.save, services.settings.syncConnection, services.windows.openAgenda, services.openExternal, services.exports.export, services.files.saveCopy, services.files.openCopy]) {
      expect(service).not.toHaveBeenCalled();
    }
    expect(isTrustedSender(event({ url: 'file:///index.html', parent: null }))).toBe(false);
  });

  it('refuses malformed arguments of every operation, before acting', async () => {
    for (const [name, calls] of Object.entries(malformedCalls)) {
      for (const args of calls) {
        await expect(handlers[name as keyof DesktopCalls](event(), ...args), `${name}(${JSON.stringify(args).slice(0, 80)})`).rejects.toBeInstanceOf(IpcRefusal);
      }
    }
    for (const service of [services.settings.save, services.windows.openAgenda, services.exports.export, services.exports.cancel, services.files.saveCopy, services.files.openCopy, services.files.importAgendaFile]) {
      expect(service).not.toHaveBeenCalled();
    }
  });

  it('answers an export of an invalid agenda with the reason, without exporting', async () => {
    const result = await handlers.exportPdf(event(), { agenda: { format: 'x' }, public: false, pdfUa: false });
    expect(result).toEqual({ status: 'failed', message: expect.stringMatching(/Ugyldig dagsordensfil/) });
    expect(services.exports.export).not.toHaveBeenCalled();
  });

  it('refuses an external link the checker refuses, as a refusal', async () => {
    services.openExternal.mockRejectedValueOnce(new Error('Kun http-, https- og mailto-links kan åbnes uden for Dagsorden'));
    await expect(handlers.openExternal(event(), 'file:///etc/passwd')).rejects.toThrow(/openExternal: Kun http-, https- og mailto/);
  });

  it('sends export progress only to the window that asked', async () => {
    services.exports.export.mockImplementationOnce((async (_id: number, _window: unknown, _request: unknown, progress: (step: ExportProgress) => void) => {
      progress({ stage: 'compiling', message: 'Sætter dagsordenen …' });
      return { status: 'canceled' as const };
    }) as never);
    await handlers.exportPdf(event(), validCalls.exportPdf[0]);
    expect(sender.send).toHaveBeenCalledWith(IPC_EVENTS.onExportProgress, { stage: 'compiling', message: 'Sætter dagsordenen …' });
    await handlers.cancelExport(event());
    expect(services.exports.cancel).toHaveBeenCalledWith(3);
  });

  it('registers exactly one handler per channel of the contract', () => {
    const handle = vi.fn();
    setupIpc({ handle } as never, fakeServices());
    expect(handle.mock.calls.map(([channel]) => channel).sort()).toEqual(Object.values(IPC_CHANNELS).sort());
  });
});

describe('preload', () => {
  it('exposes exactly the contract, one function per operation, and no ipcRenderer', async () => {
    await import('../../../electron/preload');
    expect(Object.keys(exposed)).toEqual(['dagsorden']);
    const api = exposed.dagsorden as Record<string, (...args: unknown[]) => unknown>;
    expect(Object.keys(api).sort()).toEqual([...DESKTOP_API_KEYS].sort());
    for (const key of DESKTOP_API_KEYS) expect(typeof api[key]).toBe('function');
    for (const [name, args] of Object.entries(validCalls)) {
      await api[name]!(...args);
      expect(invoke).toHaveBeenLastCalledWith(IPC_CHANNELS[name as keyof DesktopCalls], ...args);
    }
  });

  it('passes subscribers only known commands and well-formed progress, never the event, and unsubscribes', async () => {
    await import('../../../electron/preload');
    const api = exposed.dagsorden as { onMenuCommand(l: (c: unknown) => void): () => void; onExportProgress(l: (p: unknown) => void): () => void };
    const commands: unknown[] = [];
    const stop = api.onMenuCommand((...args) => commands.push(args));
    const emit = (channel: string, payload: unknown) => rendererListeners.get(channel)?.forEach((l) => l({ sender: 'ipcRenderer!' }, payload));
    emit(IPC_EVENTS.onMenuCommand, 'insertItem');
    emit(IPC_EVENTS.onMenuCommand, 'rm -rf');
    emit(IPC_EVENTS.onMenuCommand, { command: 'insertItem' });
    expect(commands).toEqual([['insertItem']]);
    stop();
    emit(IPC_EVENTS.onMenuCommand, 'undo');
    expect(commands).toHaveLength(1);

    const progress: unknown[] = [];
    api.onExportProgress((p) => progress.push(p));
    emit(IPC_EVENTS.onExportProgress, { stage: 'writing', message: 'Gemmer', extra: 'x' });
    emit(IPC_EVENTS.onExportProgress, { stage: 'hacking', message: 'x' });
    expect(progress).toEqual([{ stage: 'writing', message: 'Gemmer' }]);
    expect(() => api.onMenuCommand('not a function' as never)).toThrow(/funktion/);
  });
});
