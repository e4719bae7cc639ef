import { useEffect, useState, useSyncExternalStore } from 'react';
import { AgendaSession } from '../sync/agenda-session';
import { openLocalDocument } from '../sync/local-persistence';
import { syncTarget } from '../sync/sync-target';
import type { UserProfile } from '../user/user-profile';
import { AgendaEditor } from '../editor/AgendaEditor';
import { StatusLine } from './StatusLine';
import { PresenceList } from './PresenceList';
import { useMeetingTitle } from './use-meeting-title';
import { useLeaveGuard } from './use-leave-guard';
import { navigate } from '../app/route';
import { FileMenu } from './FileMenu';
import { ExportDialog } from './ExportDialog';
import { useFileCommands } from './use-file-commands';

/**
 * One open agenda. The local copy is loaded first (the editor is created only after it),
 * then the session connects to the server when one is configured.
 */
export function AgendaScreen({ id, profile }: { id: string; profile: UserProfile }) {
  const [session, setSession] = useState<AgendaSession | null>(null);
  const [notice, setNotice] = useState<string | null>(null);
  const [problem, setProblem] = useState<string | null>(null);

  useEffect(() => {
    let current: AgendaSession | null = null;
    let cancelled = false;
    (async () => {
      const target = await syncTarget();
      const local = await openLocalDocument(id);
      if (cancelled) {
        await local.persistence.destroy();
        return;
      }
      if (local.recoveredFrom) {
        setNotice(
          target
            ? 'Den lokale kopi af dagsordenen var beskadiget eller svarede ikke. Den er lagt til side (ikke slettet), og dagsordenen hentes igen fra serveren. Ændringer, der ikke nåede serveren, ligger kun i den gemte kopi.'
            : 'Den lokale kopi af dagsordenen var beskadiget eller svarede ikke og er lagt til side (ikke slettet). Der er ingen server at hente den fra.',
        );
      }
      current = new AgendaSession(id, local.ydoc, local.persistence, target, profile);
      setSession(current);
    })().catch((error: unknown) => setProblem(`Dagsordenen kunne ikke åbnes: ${(error as Error).message}`));
    return () => {
      cancelled = true;
      current?.destroy();
      setSession(null);
    };
  }, [id, profile]);

  if (problem) return <p role="alert" className="problem card">{problem}</p>;
  if (!session) return <p className="loading">Åbner dagsordenen …</p>;
  return <OpenAgenda session={session} notice={notice} onDismissNotice={() => setNotice(null)} />;
}

function OpenAgenda({ session, notice, onDismissNotice }: { session: AgendaSession; notice: string | null; onDismissNotice(): void }) {
  const snapshot = useSyncExternalStore(session.subscribe, session.getSnapshot);
  const title = useMeetingTitle(session.ydoc);
  useLeaveGuard(session);
  const files = useFileCommands(session);
  return (
    <div className="agenda-screen">
      <header className="topbar">
        <button type="button" className="link-button" onClick={() => navigate({ screen: 'start' })}>
          ← Dagsordener
        </button>
        <FileMenu />
        <h1 className="doc-title" data-testid="document-title">{title}</h1>
        {files.busy && (
          <span className="busy" role="status" data-testid="busy">
            {files.busy}
          </span>
        )}
        <StatusLine snapshot={snapshot} onReconnect={() => void session.connect()} />
        <PresenceList me={session.profile} peers={snapshot.peers} />
      </header>
      {notice && (
        <div className="notice" role="alert" data-testid="notice">
          {notice}{' '}
          <button type="button" className="link-button" onClick={onDismissNotice}>
            OK
          </button>
        </div>
      )}
      {files.message && (
        <div className={files.message.kind === 'problem' ? 'notice notice--problem' : 'notice'} role="alert" data-testid="file-message">
          {files.message.text}{' '}
          <button type="button" className="link-button" onClick={files.dismiss}>
            OK
          </button>
        </div>
      )}
      {files.askingExport && <ExportDialog onExport={files.runExport} onClose={files.closeExport} />}
      <main className="workspace workspace--agenda">
        <AgendaEditor session={session} />
      </main>
    </div>
  );
}
