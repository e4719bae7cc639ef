import type { SessionSnapshot } from '../sync/agenda-session';
import { saveStatusText } from '../sync/save-status';

const CONNECTION_LABELS: Record<SessionSnapshot['status'], string> = {
  local: 'Kun lokalt',
  connected: 'Forbundet',
  connecting: 'Forbinder …',
  offline: 'Offline',
  refused: 'Afvist',
};

/** The connection state and, truthfully, where the user's work is saved. */
export function StatusLine({ snapshot, onReconnect }: { snapshot: SessionSnapshot; onReconnect(): void }) {
  const saved = saveStatusText({ ...snapshot, localOnly: snapshot.status === 'local' });
  return (
    <div className={`status status--${snapshot.status}`} role="status" aria-live="polite">
      <span className="status-dot" aria-hidden="true" />
      <span data-testid="connection-status">{CONNECTION_LABELS[snapshot.status]}</span>
      <span className="status-saved" data-testid="save-status">{saved}</span>
      {(snapshot.status === 'offline' || snapshot.status === 'refused') && (
        <button type="button" className="link-button" onClick={onReconnect}>
          Forbind igen
        </button>
      )}
    </div>
  );
}
