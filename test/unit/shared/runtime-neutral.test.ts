import { describe, expect, it } from 'vitest';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { builtinModules } from 'node:module';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const sharedRoot = fileURLToPath(new URL('../../../shared', import.meta.url));

function sourceFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const full = path.join(dir, name);
    if (statSync(full).isDirectory()) return sourceFiles(full);
    return /\.(ts|tsx)$/.test(name) ? [full] : [];
  });
}

const forbiddenModule = (specifier: string): string | null => {
  if (specifier === 'electron' || specifier.startsWith('electron/')) return 'electron';
  if (specifier.startsWith('node:') || builtinModules.includes(specifier.split('/')[0]!)) return 'a Node built-in';
  if (/^(react|react-dom)(\/|$)|^@tiptap\/react/.test(specifier)) return 'a UI library';
  if (/(^|\/)\.\.\/(renderer|server|electron|test)\//.test(specifier)) return 'another runtime folder';
  return null;
};

describe('shared/ is runtime-neutral', () => {
  const files = sourceFiles(sharedRoot);

  it('has source files to check', () => {
    expect(files.length).toBeGreaterThan(10);
  });

  it('imports nothing from electron, Node, the DOM-bound UI or the other runtime folders', () => {
    const problems: string[] = [];
    for (const file of files) {
      const source = readFileSync(file, 'utf8');
      for (const match of source.matchAll(/(?:import|export)[^'"]*?from\s*['"]([^'"]+)['"]|import\s*\(\s*['"]([^'"]+)['"]\s*\)|require\(\s*['"]([^'"]+)['"]\s*\)/g)) {
        const specifier = match[1] ?? match[2] ?? match[3]!;
        const why = forbiddenModule(specifier);
        if (why) problems.push(`${path.relative(sharedRoot, file)} imports ${specifier} (${why})`);
      }
    }
    expect(problems).toEqual([]);
  });

  it('uses no DOM or Node globals', () => {
    const problems: string[] = [];
    for (const file of files) {
      const code = readFileSync(file, 'utf8').replace(/\/\*[\s\S]*?\*\/|\/\/.*$/gm, '');
      for (const global of ['window', 'document', 'localStorage', 'navigator', 'process', 'Buffer', '__dirname', 'require']) {
        if (new RegExp(`(?<![.\\w'"])${global}\\s*[.(\\[]`).test(code)) problems.push(`${path.relative(sharedRoot, file)} uses ${global}`);
      }
    }
    expect(problems).toEqual([]);
  });
});
