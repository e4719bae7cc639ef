import type { DesktopApi } from '../../../shared/protocol/ipc-contract';

/** The desktop app's API, when running inside Dagsorden's Electron shell. */
export function desktopApi(): DesktopApi | undefined {
  return (window as unknown as { dagsorden?: DesktopApi }).dagsorden;
}
