import { describe, expect, it, vi } from 'vitest';
import { EventEmitter } from 'node:events';
import { contentSecurityPolicy, serverOrigin } from '../../../electron/content-security-policy';
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
    expect(csp).toContain("connect-src 'self' ws://sync.example.dk:1234");
    expect(csp).toContain("object-src 'none'");
    expect(csp).toContain("frame-ancestors 'none'");
  });

  it('allows no remote connection without a server, and normalises the server to its ws origin', () => {
    expect(contentSecurityPolicy(null)).toContain("connect-src 'self';");
    expect(serverOrigin('https://sync.kl.dk/path?x=1')).toBe('wss://sync.kl.dk');
    expect(serverOrigin('javascript:alert(1)')).toBeNull();
    expect(contentSecurityPolicy('javascript:alert(1)')).toContain("connect-src 'self';");
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
