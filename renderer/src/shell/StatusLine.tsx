import type { SessionSnapshot } from '../sync/agenda-session';

const LABELS: Record<SessionSnapshot['status'], string> = {
  connected: 'Forbundet',
  connecting: 'Forbinder …',
  offline: 'Offline',
  refused: 'Afvist',
};

/** The connection state, in words, and a reason when the server refused us. */
export function StatusLine({ snapshot, onReconnect }: { snapshot: SessionSnapshot; onReconnect(): void }) {
  return (
    <div className={`status status--${snapshot.status}`} role="status" aria-live="polite">
      <span className="status-dot" aria-hidden="true" />
      <span data-testid="connection-status">{LABELS[snapshot.status]}</span>
      {snapshot.refusal && <span className="status-reason">{snapshot.refusal}</span>}
      {(snapshot.status === 'offline' || snapshot.status === 'refused') && (
        <button type="button" className="link-button" onClick={onReconnect}>
          Forbind igen
        </button>
      )}
    </div>
  );
}
