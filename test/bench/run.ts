import { readdirSync } from 'node:fs';
import { fileURLToPath, pathToFileURL } from 'node:url';
import path from 'node:path';
import type { Benchmark, BenchRow } from './bench-types';

/**
 * `npm run bench [-- NAME…]`: runs every benchmark in test/bench/*.bench.ts (or those whose
 * name contains one of NAME) and prints a table of ours against the baseline of the same run.
 */
const dir = fileURLToPath(new URL('.', import.meta.url));
const filters = process.argv.slice(2).map((f) => f.toLowerCase());

function format(value: number | null): string {
  if (value === null) return '–';
  if (Math.abs(value) >= 100) return value.toFixed(0);
  if (Math.abs(value) >= 10) return value.toFixed(1);
  return value.toFixed(2);
}

function table(rows: BenchRow[]): string {
  const header = ['case', 'metric', 'ours', 'baseline', 'ratio', 'target', 'met'];
  const body = rows.map((r) => [
    r.case,
    `${r.metric} (${r.unit})`,
    format(r.ours),
    format(r.baseline),
    r.baseline ? `${(r.ours / r.baseline).toFixed(2)}×` : '–',
    r.target ?? '',
    r.met === undefined ? '' : r.met ? 'yes' : 'NO',
  ]);
  const widths = header.map((h, i) => Math.max(h.length, ...body.map((row) => row[i]!.length)));
  const line = (cells: string[]) => cells.map((c, i) => c.padEnd(widths[i]!)).join(' | ');
  return [line(header), widths.map((w) => '-'.repeat(w)).join('-|-'), ...body.map(line)].join('\n');
}

const files = readdirSync(dir).filter((name) => name.endsWith('.bench.ts')).sort();
let ran = 0;
let failed = 0;
for (const file of files) {
  const module = (await import(pathToFileURL(path.join(dir, file)).href)) as { default: Benchmark[] };
  for (const bench of module.default) {
    if (filters.length > 0 && !filters.some((f) => bench.name.toLowerCase().includes(f))) continue;
    ran += 1;
    process.stdout.write(`\n## ${bench.name}\nbaseline: ${bench.baseline}\n\n`);
    try {
      const rows = await bench.run();
      process.stdout.write(`${table(rows)}\n`);
    } catch (error) {
      failed += 1;
      process.stdout.write(`FAILED: ${(error as Error).stack ?? String(error)}\n`);
    }
  }
}
if (ran === 0) process.stdout.write(`no benchmark matched ${filters.join(', ') || '(none found)'}\n`);
process.exit(failed > 0 ? 1 : 0);
