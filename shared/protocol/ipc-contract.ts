/**
 * The contract between the renderer and Electron's main process: one typed function per
 * operation. The preload exposes exactly these functions as `window.dagsorden`; main
 * validates every argument and the sender of every call. Channel names live only here.
 */
export interface DesktopApi {
  /** The websocket URL of the sync server this desktop app is configured for, or null for local-only work. */
  getServerUrl(): Promise<string | null>;
}

/** The IPC channel of each operation. */
export const IPC_CHANNELS = {
  getServerUrl: 'dagsorden:get-server-url',
} as const satisfies Record<keyof DesktopApi, string>;

/** The names of the functions on `window.dagsorden`, for checks that nothing else is exposed. */
export const DESKTOP_API_KEYS = Object.keys(IPC_CHANNELS) as Array<keyof DesktopApi>;
