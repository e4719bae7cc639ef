import type { Session } from 'electron';

/** Denies every permission request (camera, notifications, geolocation, …): the app needs none. */
export function denyAllPermissions(target: Session): void {
  target.setPermissionRequestHandler((_contents, _permission, callback) => callback(false));
  target.setPermissionCheckHandler(() => false);
}
