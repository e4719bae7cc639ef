import type { Peer } from '../sync/agenda-session';
import type { UserProfile } from '../user/user-profile';

/** Who is in the agenda: you first, then everyone else. */
export function PresenceList({ me, peers }: { me: UserProfile; peers: Peer[] }) {
  return (
    <ul className="presence" aria-label="Personer i dagsordenen">
      <li title={`${me.name} (dig)`}>
        <span className="avatar" style={{ background: me.color }}>{me.initials}</span>
        <span className="presence-name">{me.name} (dig)</span>
      </li>
      {peers.map((peer) => (
        <li key={peer.clientId} title={peer.name} data-testid="peer">
          <span className="avatar" style={{ background: peer.color }}>{peer.initials}</span>
          <span className="presence-name">{peer.name}</span>
        </li>
      ))}
    </ul>
  );
}
