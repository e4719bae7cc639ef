import { build } from 'vite';
import { fileURLToPath } from 'node:url';

/** Builds the renderer once before the e2e tests, so they test what users get. */
export default async function buildRenderer(): Promise<void> {
  await build({ configFile: fileURLToPath(new URL('../../renderer/vite.config.ts', import.meta.url)), logLevel: 'warn' });
}
