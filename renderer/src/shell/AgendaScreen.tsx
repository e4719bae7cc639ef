import { useEffect, useState, useSyncExternalStore } from 'react';
import { AgendaSession } from '../sync/agenda-session';
import { agendaDoc } from '../sync/new-agenda';
import { syncServerUrl } from '../sync/server-url';
import type { UserProfile } from '../user/user-profile';
import { AgendaEditor } from '../editor/AgendaEditor';
import { StatusLine } from './StatusLine';
import { PresenceList } from './PresenceList';
import { useMeetingTitle } from './use-meeting-title';
import { navigate } from '../app/route';

/** One open agenda: title, connection state, who is here, and the editor. */
export function AgendaScreen({ id, profile }: { id: string; profile: UserProfile }) {
  const [session, setSession] = useState<AgendaSession | null>(null);
  const [problem, setProblem] = useState<string | null>(null);

  useEffect(() => {
    let current: AgendaSession | null = null;
    let cancelled = false;
    syncServerUrl().then(
      (url) => {
        if (cancelled) return;
        if (!url) {
          setProblem('Der er ikke sat en server op.');
          return;
        }
        current = new AgendaSession(id, agendaDoc(id), url, profile);
        setSession(current);
      },
      (error: unknown) => setProblem(`Serveradressen kunne ikke læses: ${(error as Error).message}`),
    );
    return () => {
      cancelled = true;
      current?.destroy();
      setSession(null);
    };
  }, [id, profile]);

  if (problem) return <p role="alert" className="problem">{problem}</p>;
  if (!session) return <p className="loading">Åbner dagsordenen …</p>;
  return <OpenAgenda session={session} />;
}

function OpenAgenda({ session }: { session: AgendaSession }) {
  const snapshot = useSyncExternalStore(session.subscribe, session.getSnapshot);
  const title = useMeetingTitle(session.ydoc);
  return (
    <div className="agenda-screen">
      <header className="topbar">
        <button type="button" className="link-button" onClick={() => navigate({ screen: 'start' })}>
          ← Dagsordener
        </button>
        <h1 className="doc-title" data-testid="document-title">{title}</h1>
        <StatusLine snapshot={snapshot} onReconnect={() => session.reconnect()} />
        <PresenceList me={session.profile} peers={snapshot.peers} />
      </header>
      <main className="workspace">
        <AgendaEditor session={session} />
      </main>
    </div>
  );
}
