import { describe, expect, it } from 'vitest';
import { readFileSync, readdirSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('../../..', import.meta.url));
const require = createRequire(import.meta.url);
const yaml = require('js-yaml') as { load(text: string): unknown };
const config = yaml.load(readFileSync(path.join(root, 'electron-builder.yml'), 'utf8')) as Record<string, any>;

describe('electron-builder.yml', () => {
  it('matches the schema of the installed electron-builder', async () => {
    const { validateConfiguration } = require('app-builder-lib/out/util/config/config.js') as { validateConfiguration(c: unknown, log: { warn(m: string): void }): Promise<void> };
    const warnings: string[] = [];
    await validateConfiguration(config, { warn: (m) => warnings.push(m) });
    expect(warnings).toEqual([]);
    await expect(validateConfiguration({ ...config, electronFuses: { runAsNodeTypo: false } }, { warn: () => undefined })).rejects.toThrow(/Invalid configuration/);
  });

  it('sets the security fuses', () => {
    expect(config.electronFuses).toMatchObject({
      runAsNode: false,
      enableNodeOptionsEnvironmentVariable: false,
      enableNodeCliInspectArguments: false,
      enableEmbeddedAsarIntegrityValidation: true,
      onlyLoadAppFromAsar: true,
      grantFileProtocolExtraPrivileges: false,
    });
  });

  it('unpacks the installed Typst native module from the asar', () => {
    expect(config.asar).toBe(true);
    const pattern = config.asarUnpack.find((p: string) => p.includes('typst'));
    expect(pattern).toBe('node_modules/@myriaddreamin/typst-ts-node-compiler-*/*.node');
    const scope = path.join(root, 'node_modules', '@myriaddreamin');
    const nodeFiles = readdirSync(scope)
      .filter((name) => name.startsWith('typst-ts-node-compiler-'))
      .flatMap((name) => readdirSync(path.join(scope, name)).filter((file) => file.endsWith('.node')));
    expect(nodeFiles.length).toBeGreaterThan(0);
  });

  it('builds NSIS, dmg for both Mac architectures, AppImage and deb, with the agenda file association', () => {
    expect(config.productName).toBe('Dagsorden');
    expect(config.win.target[0].target).toBe('nsis');
    expect(config.mac.target[0]).toEqual({ target: 'dmg', arch: ['x64', 'arm64'] });
    expect(config.linux.target.map((t: { target: string }) => t.target)).toEqual(['AppImage', 'deb']);
    expect(config.fileAssociations[0].ext).toBe('dagsorden.json');
  });

  it('has a 512×512 PNG icon in the build resources', () => {
    const png = readFileSync(path.join(root, config.directories.buildResources, 'icon.png'));
    expect(png.subarray(1, 4).toString()).toBe('PNG');
    expect([png.readUInt32BE(16), png.readUInt32BE(20)]).toEqual([512, 512]);
  });
});
