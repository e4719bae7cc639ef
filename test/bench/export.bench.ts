import { execFile } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { performance } from 'node:perf_hooks';
import { promisify } from 'node:util';
import { median } from './statistics';
import type { Benchmark, BenchRow } from './bench-types';
import type { AgendaFile } from '../../shared/agenda/agenda-file';
import { largeAgenda } from '../support/large-agenda';
import { referenceAgenda } from '../fixtures/reference-agenda';

/**
 * PDF export (issue 6): the reference agenda and a 60-item agenda (~55 pages), median of 5,
 * in a cold process (a fresh Node process: load modules, read fonts, create the compiler,
 * compile, write) and with a warm compiler (one exporter in this process, reused; each run
 * changes the meeting time, so Typst cannot return a memoized document). Peak memory is the
 * process's maximum resident set size.
 *
 * This file is also the cold process: run with DAGSORDEN_EXPORT_BENCH_CHILD=<reference|large>
 * it exports that agenda once and prints its measurements as JSON.
 */

const RUNS = 5;
const COLD_TARGET_MS = 1500;
const CHILD_ENV = 'DAGSORDEN_EXPORT_BENCH_CHILD';
const thisFile = fileURLToPath(import.meta.url);
const root = fileURLToPath(new URL('../..', import.meta.url));


const AGENDAS: Record<string, () => AgendaFile> = { reference: referenceAgenda, large: () => largeAgenda(60) };

interface ColdRun { exportMs: number; cpuMs: number; wallMs: number; peakMb: number; bytes: number; pages: number }

async function coldRun(which: string): Promise<ColdRun> {
  const started = performance.now();
  const { stdout } = await promisify(execFile)(process.execPath, ['--import', 'tsx', thisFile], {
    cwd: root,
    env: { ...process.env, [CHILD_ENV]: which },
    maxBuffer: 1024 * 1024,
  });
  const wallMs = performance.now() - started;
  return { ...(JSON.parse(stdout.trim().split('\n').at(-1)!) as Omit<ColdRun, 'wallMs'>), wallMs };
}

/** In the child: one export from a cold start, measured from before the exporter's modules load. */
async function childMain(which: string): Promise<void> {
  const agenda = AGENDAS[which]!();
  const started = performance.now();
  const cpu = process.cpuUsage();
  const { exportAgendaPdf } = await import('../../server/export/export-agenda-pdf');
  const pdf = await exportAgendaPdf(agenda, { public: false, pdfUa: false });
  const exportMs = performance.now() - started;
  const used = process.cpuUsage(cpu);
  const cpuMs = (used.user + used.system) / 1000;
  const pages = (Buffer.from(pdf).toString('latin1').match(/\/Type\s*\/Page\b/g) ?? []).length;
  process.stdout.write(`${JSON.stringify({ exportMs, cpuMs, peakMb: process.resourceUsage().maxRSS / 1024, bytes: pdf.length, pages })}\n`);
}

async function warmRuns(which: string): Promise<number[]> {
  const { createNodePdfExporter } = await import('../../server/export/export-agenda-pdf');
  const exporter = await createNodePdfExporter();
  exporter.exportPdf(AGENDAS[which]!(), { public: false, pdfUa: false }); // warm-up
  const times: number[] = [];
  for (let i = 0; i < RUNS; i++) {
    const agenda = AGENDAS[which]!();
    agenda.meeting.time = `10.${String(i).padStart(2, '0')}-12.00`;
    const started = performance.now();
    exporter.exportPdf(agenda, { public: false, pdfUa: false });
    times.push(performance.now() - started);
  }
  return times;
}

const benchmarks: Benchmark[] = [
  {
    name: 'PDF export (Typst, KL house style)',
    baseline: 'the same export with a warm compiler, measured in this run (cold rows); the reference agenda exported the same way in this run (60-item rows of warm time and memory)',
    async run(): Promise<BenchRow[]> {
      const cold: Record<string, ColdRun[]> = { reference: [], large: [] };
      for (let i = 0; i < RUNS; i++) {
        for (const which of ['reference', 'large']) cold[which]!.push(await coldRun(which));
      }
      const warm = { reference: median(await warmRuns('reference')), large: median(await warmRuns('large')) };
      const coldMedian = (which: string, key: keyof ColdRun) => median(cold[which]!.map((run) => run[key]));
      const largeCold = coldMedian('large', 'exportMs');
      return [
        { case: `reference (${coldMedian('reference', 'pages')} pages), cold process`, metric: 'export, median of 5', unit: 'ms', ours: coldMedian('reference', 'exportMs'), baseline: warm.reference, better: 'lower' },
        { case: `60 items (${coldMedian('large', 'pages')} pages), cold process`, metric: 'export, median of 5', unit: 'ms', ours: largeCold, baseline: warm.large, better: 'lower', target: `< ${COLD_TARGET_MS} ms`, met: largeCold < COLD_TARGET_MS },
        // CPU time is what the machine's other load does not inflate (the 2 cores are shared).
        { case: '60 items, cold process', metric: 'export CPU time (user+system)', unit: 'ms', ours: coldMedian('large', 'cpuMs'), baseline: coldMedian('reference', 'cpuMs'), better: 'lower' },
        { case: '60 items, cold process', metric: 'process wall time incl. Node+tsx start', unit: 'ms', ours: coldMedian('large', 'wallMs'), baseline: coldMedian('reference', 'wallMs'), better: 'lower' },
        { case: '60 items, warm compiler', metric: 'export, median of 5', unit: 'ms', ours: warm.large, baseline: warm.reference, better: 'lower' },
        { case: '60 items, cold process', metric: 'peak memory (max RSS)', unit: 'MB', ours: coldMedian('large', 'peakMb'), baseline: coldMedian('reference', 'peakMb'), better: 'lower' },
        { case: 'warm compiler after all runs (this process)', metric: 'peak memory (max RSS)', unit: 'MB', ours: process.resourceUsage().maxRSS / 1024, baseline: null, better: 'lower' },
      ];
    },
  },
];

export default benchmarks;

if (process.env[CHILD_ENV]) {
  await childMain(process.env[CHILD_ENV]);
  process.exit(0);
}
