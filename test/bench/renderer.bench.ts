import * as Y from 'yjs';
import type { Page } from 'playwright-core';
import type { Benchmark, BenchRow } from './bench-types';
import { median, percentile } from './statistics';
import { editLatencies } from '../support/edit-latency';
import buildRenderer from '../e2e/build-renderer';
import { startTestServer, type TestServer } from '../support/test-server';
import { launchBrowser, presetProfile, type TestBrowser } from '../support/browser';
import { networkSwitch } from '../support/network-switch';
import { connectClient, whenSynced } from '../support/node-client';
import { largeAgenda } from '../support/large-agenda';
import { kkrTemplate } from '../../shared/agenda/kkr-template';
import { writeNewAgenda } from '../../shared/agenda/ydoc-agenda';
import { EMPTY_MEETING_FACTS } from '../../shared/agenda/meeting-facts';
import type { AgendaFile } from '../../shared/agenda/agenda-file';

const RUNS = 5;
const KEYSTROKES = 150;


/** Records, in the page, when the editor is editable and shows `items` item titles. */
async function recordOpenTime(browser: TestBrowser, items: number): Promise<void> {
  await browser.context.addInitScript((expected) => {
    const observer = new MutationObserver(() => {
      const editable = document.querySelector('.ProseMirror[contenteditable="true"]');
      if (editable && document.querySelectorAll('h2[data-type="item-title"]').length >= expected) {
        (window as unknown as { __openedAt: number }).__openedAt = performance.now();
        observer.disconnect();
      }
    });
    observer.observe(document, { subtree: true, childList: true, attributes: true });
  }, items);
}

/** Puts `agenda` on the server under `id` (as a client that created it would). */
async function seed(server: TestServer, id: string, agenda: AgendaFile): Promise<number> {
  server.registerAgenda(id);
  const client = connectClient(server.url, id);
  await whenSynced(client.provider);
  writeNewAgenda(client.ydoc, agenda);
  const size = Y.encodeStateAsUpdate(client.ydoc).byteLength;
  await new Promise((resolve) => setTimeout(resolve, 300));
  client.destroy();
  return size;
}

/** Median time (ms from navigation start) to an editable agenda loaded from the local store, offline. */
async function openTimes(url: string, token: string, id: string, items: number): Promise<{ median: number; storedBytes: number }> {
  const browser = await launchBrowser();
  try {
    await presetProfile(browser.context, { name: 'Bench', initials: 'bn', color: '#1f6feb' }, token);
    await recordOpenTime(browser, items);
    const net = await networkSwitch(browser.context);
    const page = await browser.newPage();
    await page.goto(`${url}/#/dagsorden/${id}`);
    await page.getByText('Alt er gemt på serveren').waitFor({ timeout: 30_000 });
    await page.evaluate(() => navigator.serviceWorker.ready);
    await net.goOffline();
    const times: number[] = [];
    for (let i = 0; i < RUNS; i++) {
      await page.reload();
      await page.waitForFunction(() => (window as unknown as { __openedAt?: number }).__openedAt !== undefined, undefined, { timeout: 30_000 });
      times.push(await page.evaluate(() => (window as unknown as { __openedAt: number }).__openedAt));
    }
    const storedBytes = await page.evaluate(async (name) => {
      const db = await new Promise<IDBDatabase>((resolve, reject) => {
        const request = indexedDB.open(name);
        request.onsuccess = () => resolve(request.result);
        request.onerror = () => reject(request.error);
      });
      const records = await new Promise<Uint8Array[]>((resolve) => {
        const request = db.transaction('updates').objectStore('updates').getAll();
        request.onsuccess = () => resolve(request.result as Uint8Array[]);
      });
      db.close();
      return records.reduce((sum, r) => sum + r.byteLength, 0);
    }, `dagsorden-${id}`);
    return { median: median(times), storedBytes };
  } finally {
    await browser.close();
  }
}

/** Keystroke in one page → shown in the other: latencies in ms. */
async function keystrokeLatencies(url: string, token: string, id: string): Promise<{ remote: number[]; local: number[] }> {
  const [a, b] = [await launchBrowser(), await launchBrowser()];
  try {
    await presetProfile(a.context, { name: 'Anna', initials: 'aa', color: '#1f6feb' }, token);
    await presetProfile(b.context, { name: 'Bo', initials: 'bb', color: '#b3261e' }, token);
    const [pa, pb]: Page[] = [await a.newPage(), await b.newPage()];
    for (const page of [pa, pb]) {
      await page.goto(`${url}/#/dagsorden/${id}`);
      await page.getByText('Alt er gemt på serveren').waitFor({ timeout: 30_000 });
    }
    // Passed as source text: the bundler's helpers for named functions do not exist in the page.
    const observeTitle = (key: string) => `(() => {
      const title = document.querySelectorAll('h2[data-type="item-title"]')[0];
      // The title's own text, without number widgets and other people's carets.
      const ownLength = () => {
        const copy = title.cloneNode(true);
        for (const extra of copy.querySelectorAll('.collaboration-carets__caret, .agenda-number')) extra.remove();
        return (copy.textContent || '').length;
      };
      const start = ownLength();
      const seen = [];
      window[${JSON.stringify(key)}] = seen;
      new MutationObserver(() => {
        const grown = ownLength() - start;
        while (seen.length < grown) seen.push(performance.timeOrigin + performance.now());
      }).observe(title, { subtree: true, childList: true, characterData: true });
    })()`;
    await pb.evaluate(observeTitle('__seen'));
    await pa.evaluate(observeTitle('__seenLocal'));
    await pa.evaluate(() => {
      const sent: number[] = [];
      (window as unknown as { __sent: number[] }).__sent = sent;
      document.addEventListener('keydown', () => sent.push(performance.timeOrigin + performance.now()), true);
    });
    await pa.locator('h2[data-type="item-title"]').first().click();
    await pa.keyboard.press('End');
    for (let i = 0; i < KEYSTROKES; i++) {
      await pa.keyboard.type('x');
      await pa.waitForTimeout(15);
    }
    await pb.waitForFunction((n) => (window as unknown as { __seen: number[] }).__seen.length >= n, KEYSTROKES, { timeout: 30_000 });
    const sent = await pa.evaluate(() => (window as unknown as { __sent: number[] }).__sent.slice(-150));
    const seen = await pb.evaluate(() => (window as unknown as { __seen: number[] }).__seen);
    const seenLocal = await pa.evaluate(() => (window as unknown as { __seenLocal: number[] }).__seenLocal);
    return {
      remote: seen.slice(0, KEYSTROKES).map((t, i) => t - sent[i]!),
      local: seenLocal.slice(0, KEYSTROKES).map((t, i) => t - sent[i]!),
    };
  } finally {
    await a.close();
    await b.close();
  }
}

/** The same edit between two Node clients through the same server: the network and server floor. */
async function nodeLatencies(url: string, id: string): Promise<number[]> {
  const [a, b] = [connectClient(url, id), connectClient(url, id)];
  try {
    await Promise.all([whenSynced(a.provider), whenSynced(b.provider)]);
    return await editLatencies(a.ydoc, b.ydoc, KEYSTROKES);
  } finally {
    a.destroy();
    b.destroy();
  }
}

const benchmarks: Benchmark[] = [
  {
    name: 'Renderer: open from the local store, and keystroke latency',
    baseline: 'open: the 2-item KKR template agenda from the local store; latency: the same edit between two Node clients through the same server',
    async run(): Promise<BenchRow[]> {
      await buildRenderer();
      const server = await startTestServer();
      try {
        const large = largeAgenda(60);
        const stateBytes = await seed(server, 'bench-large-agenda', large);
        await seed(server, 'bench-small-agenda', kkrTemplate({ ...EMPTY_MEETING_FACTS, committee: 'KKR Midtjylland' }));
        const big = await openTimes(server.url, server.token, 'bench-large-agenda', 60);
        const small = await openTimes(server.url, server.token, 'bench-small-agenda', 2);
        const browser = await keystrokeLatencies(server.url, server.token, 'bench-large-agenda');
        server.registerAgenda('bench-latency-floor');
        const node = await nodeLatencies(server.url, 'bench-latency-floor');
        return [
          { case: '60 items, offline reload', metric: 'open, median of 5', unit: 'ms', ours: big.median, baseline: small.median, better: 'lower', target: '< 500 ms', met: big.median < 500 },
          { case: '60 items', metric: 'Yjs state', unit: 'KiB', ours: stateBytes / 1024, baseline: null, better: 'lower' },
          { case: '60 items', metric: 'IndexedDB stored', unit: 'KiB', ours: big.storedBytes / 1024, baseline: null, better: 'lower' },
          { case: 'keystroke → other page', metric: 'p50', unit: 'ms', ours: percentile(browser.remote, 50), baseline: percentile(node, 50), better: 'lower' },
          { case: 'keystroke → other page', metric: 'p99', unit: 'ms', ours: percentile(browser.remote, 99), baseline: percentile(node, 99), better: 'lower', target: '< 50 ms', met: percentile(browser.remote, 99) < 50 },
          { case: 'keystroke → own page (input floor)', metric: 'p50', unit: 'ms', ours: percentile(browser.local, 50), baseline: null, better: 'lower' },
          { case: 'keystroke → own page (input floor)', metric: 'p99', unit: 'ms', ours: percentile(browser.local, 99), baseline: null, better: 'lower' },
        ];
      } finally {
        await server.close();
      }
    },
  },
];

export default benchmarks;
