import WebSocket from 'ws';
import type { BrowserContext, WebSocketRoute } from 'playwright-core';

/**
 * Puts one browser's sync connections behind a switch: each page websocket is relayed to the
 * real server through a Node websocket. Offline closes the open ones (as a lost network
 * would), refuses new ones, and takes HTTP offline too. (`context.setOffline` alone does not
 * close an open websocket: frames are held, then delivered.)
 */
export interface NetworkSwitch {
  goOffline(): Promise<void>;
  goOnline(): Promise<void>;
  /** Rewrites the URL of new sync connections (e.g. to play an outdated client); null for none. */
  rewriteUrl(rewrite: ((url: string) => string) | null): void;
}

export async function networkSwitch(context: BrowserContext): Promise<NetworkSwitch> {
  let offline = false;
  let rewrite: ((url: string) => string) | null = null;
  const open = new Map<WebSocketRoute, WebSocket>();
  await context.routeWebSocket(/^wss?:/, (route) => {
    if (offline) {
      void route.close({ code: 1001, reason: 'offline' });
      return;
    }
    const upstream = new WebSocket(rewrite ? rewrite(route.url()) : route.url());
    const early: Array<string | Buffer> = [];
    open.set(route, upstream);
    upstream.on('open', () => {
      for (const message of early.splice(0)) upstream.send(message);
    });
    upstream.on('message', (data: Buffer, isBinary) => {
      route.send(isBinary ? data : data.toString());
    });
    upstream.on('close', (code, reason) => {
      open.delete(route);
      void route.close({ code: code === 1005 || code === 1006 ? 1001 : code, reason: reason.toString() }).catch(() => {});
    });
    upstream.on('error', () => {
      open.delete(route);
      void route.close({ code: 1001, reason: 'unreachable' }).catch(() => {});
    });
    route.onMessage((message) => {
      if (upstream.readyState === WebSocket.OPEN) upstream.send(message);
      else early.push(message);
    });
    route.onClose(() => {
      open.delete(route);
      upstream.close();
    });
  });
  return {
    async goOffline() {
      offline = true;
      await context.setOffline(true);
      for (const [route, upstream] of [...open]) {
        open.delete(route);
        upstream.terminate();
        await route.close({ code: 1001, reason: 'offline' }).catch(() => {});
      }
    },
    async goOnline() {
      offline = false;
      await context.setOffline(false);
    },
    rewriteUrl(next) {
      rewrite = next;
    },
  };
}
