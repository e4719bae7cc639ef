import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';

/**
 * The installed Electron executable, or null when there is none. Reads what `npm install`
 * recorded (node_modules/electron/path.txt, or ELECTRON_OVERRIDE_DIST_PATH) instead of
 * `require('electron')`, which since Electron 45 tries to download a missing binary.
 */
export function installedElectronBinary(root: string): string | null {
  const packageDir = path.join(root, 'node_modules', 'electron');
  const pathFile = path.join(packageDir, 'path.txt');
  const relative = existsSync(pathFile) ? readFileSync(pathFile, 'utf8').trim() : null;
  const override = process.env.ELECTRON_OVERRIDE_DIST_PATH;
  const binary = override ? path.join(override, relative || 'electron') : relative ? path.join(packageDir, 'dist', relative) : null;
  return binary && existsSync(binary) ? binary : null;
}
