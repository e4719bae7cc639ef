import { describe, expect, it, vi } from 'vitest';
import { EventEmitter } from 'node:events';
import { contentSecurityPolicy, serverOrigins } from '../../../electron/content-security-policy';
import { confirmExternalDialog, externalUrl, openExternalConfirmed } from '../../../electron/external-links';
import { guardNavigation } from '../../../electron/navigation-guard';
import { denyAllPermissions } from '../../../electron/permissions';
import { resolveAppFile } from '../../../electron/app-protocol';
import { isAppUrl, APP_START_URL } from '../../../electron/app-scheme';

vi.mock('electron', () => ({ net: {}, protocol: {} }));

/** A stand-in for Electron's WebContents with the events the guard listens to. */
function fakeContents() {
  const emitter = new EventEmitter();
  let openHandler: ((details: { url: string }) => { action: string }) | null = null;
  return Object.assign(emitter, {
    setWindowOpenHandler(handler: (details: { url: string }) => { action: string }) {
      openHandler = handler;
    },
    openWindow: (url: string) => openHandler!({ url }),
  });
}

function navigate(contents: EventEmitter, event: string, url: string): boolean {
  const e = { defaultPrevented: false, preventDefault() { this.defaultPrevented = true; } };
  contents.emit(event, e, url);
  return !e.defaultPrevented;
}

describe('Content-Security-Policy', () => {
  it('allows scripts only from the app and connections only to the configured server', () => {
    const csp = contentSecurityPolicy('ws://sync.example.dk:1234');
    expect(csp).toContain("script-src 'self'");
    expect(csp).not.toMatch(/script-src[^;]*unsafe/);
    expect(csp).toContain("connect-src 'self' ws://sync.example.dk:1234 http://sync.example.dk:1234;");
    expect(csp).toContain("object-src 'none'");
    expect(csp).toContain("frame-ancestors 'none'");
  });

  it('allows no remote connection without a server, and normalises the server to its ws and http origins', () => {
    expect(contentSecurityPolicy(null)).toContain("connect-src 'self';");
    expect(serverOrigins('https://sync.kl.dk/dagsorden')).toEqual(['wss://sync.kl.dk', 'https://sync.kl.dk']);
    expect(serverOrigins('wss://sync.kl.dk:8443')).toEqual(['wss://sync.kl.dk:8443', 'https://sync.kl.dk:8443']);
    expect(serverOrigins('https://sync.kl.dk/path?x=1')).toEqual([]);
    expect(serverOrigins('javascript:alert(1)')).toEqual([]);
    expect(serverOrigins('ftp://sync.kl.dk')).toEqual([]);
    expect(contentSecurityPolicy('javascript:alert(1)')).toContain("connect-src 'self';");
  });

  it('is the whole policy: no inline or eval scripts, nothing embedded, no forms, no base URL', () => {
    expect(contentSecurityPolicy('wss://sync.kl.dk')).toBe(
      "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data: blob:; font-src 'self'; " +
        "connect-src 'self' wss://sync.kl.dk https://sync.kl.dk; object-src 'none'; base-uri 'none'; form-action 'none'; " +
        "frame-ancestors 'none'; frame-src 'none'; worker-src 'self'",
    );
  });
});

describe('external links', () => {
  it('allows only http, https and mailto links, normalised, without hidden credentials', () => {
    expect(externalUrl('https://www.kl.dk/kkr')).toBe('https://www.kl.dk/kkr');
    expect(externalUrl('HTTP://KL.DK')).toBe('http://kl.dk/');
    expect(externalUrl('mailto:kkr@kl.dk')).toBe('mailto:kkr@kl.dk');
    for (const bad of ['file:///etc/passwd', 'javascript:alert(1)', 'dagsorden://app/', 'smb://server/share', 'https://kl.dk@evil.example/', 'not a url', '', 42, null, `https://kl.dk/${'a'.repeat(3000)}`]) {
      expect(externalUrl(bad), String(bad).slice(0, 40)).toBeNull();
    }
  });

  it('opens only after the user confirmed, showing the exact address', async () => {
    const open = vi.fn(async () => undefined);
    const confirm = vi.fn(async () => false);
    await expect(openExternalConfirmed('https://www.kl.dk/', null, { confirm, open })).resolves.toBe(false);
    expect(confirm).toHaveBeenCalledWith(null, 'https://www.kl.dk/');
    expect(open).not.toHaveBeenCalled();
    confirm.mockResolvedValue(true);
    await expect(openExternalConfirmed('https://www.kl.dk/', null, { confirm, open })).resolves.toBe(true);
    expect(open).toHaveBeenCalledWith('https://www.kl.dk/');
    await expect(openExternalConfirmed('file:///etc/passwd', null, { confirm, open })).rejects.toThrow(/http-, https- og mailto/);
    expect(open).toHaveBeenCalledTimes(1);
  });

  it('asks in Danish with "Annullér" as the default and the Escape answer', () => {
    const options = confirmExternalDialog('https://www.kl.dk/');
    expect(options.detail).toBe('https://www.kl.dk/');
    expect(options.buttons[options.defaultId]).toBe('Annullér');
    expect(options.cancelId).toBe(options.defaultId);
    expect(confirmExternalDialog('mailto:a@kl.dk').buttons[0]).toBe('Skriv e-mail');
  });
});

describe('navigation guard', () => {
  it('keeps the window on the app and refuses new windows and webviews', () => {
    const contents = fakeContents();
    guardNavigation(contents as never);
    expect(navigate(contents, 'will-navigate', APP_START_URL)).toBe(true);
    expect(navigate(contents, 'will-navigate', 'https://evil.example/')).toBe(false);
    expect(navigate(contents, 'will-navigate', 'file:///etc/passwd')).toBe(false);
    expect(navigate(contents, 'will-redirect', 'http://127.0.0.1/')).toBe(false);
    expect(navigate(contents, 'will-attach-webview', 'dagsorden://app/')).toBe(false);
    expect(contents.openWindow('https://www.kl.dk/')).toEqual({ action: 'deny' });
    expect(contents.openWindow(APP_START_URL)).toEqual({ action: 'deny' });
  });

  it('recognises only the app origin as the app', () => {
    expect(isAppUrl('dagsorden://app/index.html#/x')).toBe(true);
    expect(isAppUrl('dagsorden://other/index.html')).toBe(false);
    expect(isAppUrl('http://app/')).toBe(false);
    expect(isAppUrl('not a url')).toBe(false);
  });
});

describe('permissions', () => {
  it('denies every permission request and check', () => {
    let request: ((c: unknown, p: string, cb: (ok: boolean) => void) => void) | undefined;
    let check: (() => boolean) | undefined;
    denyAllPermissions({ setPermissionRequestHandler: (h: typeof request) => (request = h), setPermissionCheckHandler: (h: typeof check) => (check = h) } as never);
    for (const permission of ['media', 'notifications', 'geolocation', 'clipboard-read', 'openExternal']) {
      const answer = vi.fn();
      request!(null, permission, answer);
      expect(answer).toHaveBeenCalledWith(false);
    }
    expect(check!()).toBe(false);
  });
});

describe('app scheme files', () => {
  it('serves files under the renderer folder and nothing outside it', () => {
    expect(resolveAppFile('/srv/r', 'dagsorden://app/index.html')).toBe('/srv/r/index.html');
    expect(resolveAppFile('/srv/r', 'dagsorden://app/')).toBe('/srv/r/index.html');
    expect(resolveAppFile('/srv/r', 'dagsorden://app/assets/a.js')).toBe('/srv/r/assets/a.js');
    expect(resolveAppFile('/srv/r', 'dagsorden://app/..%2f..%2fetc%2fpasswd')).toBeNull();
    expect(resolveAppFile('/srv/r', 'dagsorden://app/%E0%A4%A')).toBeNull();
    expect(resolveAppFile('/srv/r', 'dagsorden://elsewhere/index.html')).toBeNull();
  });
});
