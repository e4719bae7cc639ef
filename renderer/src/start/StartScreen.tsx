import { useEffect, useMemo, useState, type FormEvent } from 'react';
import { isValidAgendaId } from '../../../shared/agenda/agenda-id';
import { formatDanishDate } from '../../../shared/agenda/meeting-facts';
import type { AgendaSummary } from '../../../shared/protocol/agenda-api';
import { navigate } from '../app/route';
import { createAgendaFromTemplate } from '../sync/create-agenda';
import { listAgendas } from '../sync/agenda-api-client';
import { loadLocalAgendas, type LocalAgenda } from '../sync/local-agendas';
import { syncTarget } from '../sync/sync-target';
import type { UserProfile } from '../user/user-profile';
import { onMenuCommand } from '../app/menu-commands';
import { importAgenda } from './import-agenda';

type Listed = AgendaSummary & { local: boolean; openedAt: string; registered: boolean };

/** Server and local agendas as one list: the server's facts win, local-only ones are kept. */
export function mergeAgendaLists(server: AgendaSummary[] | null, local: LocalAgenda[]): Listed[] {
  const byId = new Map<string, Listed>();
  for (const agenda of local) byId.set(agenda.id, { ...agenda, local: true });
  for (const agenda of server ?? []) {
    const known = byId.get(agenda.id);
    byId.set(agenda.id, { ...agenda, local: !!known, openedAt: known?.openedAt ?? '', registered: true });
  }
  return [...byId.values()].sort((a, b) => (b.meetingDate || b.updatedAt).localeCompare(a.meetingDate || a.updatedAt));
}

/** The start screen: the agenda list (server and local), search, recent agendas, "Ny dagsorden". */
export function StartScreen({ profile, onEditProfile }: { profile: UserProfile; onEditProfile(): void }) {
  const [server, setServer] = useState<AgendaSummary[] | null>(null);
  const [serverProblem, setServerProblem] = useState<string | null>(null);
  const [query, setQuery] = useState('');
  const [openId, setOpenId] = useState('');
  const [problem, setProblem] = useState<string | null>(null);
  const [creating, setCreating] = useState(false);
  const local = useMemo(() => loadLocalAgendas(), []);

  useEffect(() => {
    let cancelled = false;
    syncTarget()
      .then((target) => (target ? listAgendas(target) : null))
      .then(
        (agendas) => !cancelled && setServer(agendas),
        (error: unknown) => !cancelled && setServerProblem(`${(error as Error).message} Viser dagsordener gemt på denne maskine.`),
      );
    return () => {
      cancelled = true;
    };
  }, []);

  const all = mergeAgendaLists(server, local);
  const needle = query.trim().toLowerCase();
  const shown = needle
    ? all.filter((a) => `${a.title} ${a.committee} ${a.meetingDate} ${formatDanishDate(a.meetingDate)}`.toLowerCase().includes(needle))
    : all;
  const recent = local.filter((a) => a.openedAt).sort((a, b) => b.openedAt.localeCompare(a.openedAt)).slice(0, 5);

  const runImport = async () => {
    setProblem(null);
    const outcome = await importAgenda().catch((error: unknown) => ({ kind: 'problem' as const, message: (error as Error).message }));
    if (outcome.kind === 'problem') setProblem(`Importen mislykkedes: ${outcome.message}`);
    if (outcome.kind === 'imported') navigate({ screen: 'agenda', id: outcome.id });
  };

  useEffect(
    () =>
      onMenuCommand((command) => {
        if (command === 'newAgenda') void create();
        if (command === 'importAgendaFile') void runImport();
      }),
    // eslint-disable-next-line react-hooks/exhaustive-deps
    [],
  );

  const create = async () => {
    setCreating(true);
    try {
      navigate({ screen: 'agenda', id: await createAgendaFromTemplate() });
    } catch (error) {
      setProblem(`Dagsordenen kunne ikke oprettes: ${(error as Error).message}`);
    } finally {
      setCreating(false);
    }
  };

  const open = (event: FormEvent) => {
    event.preventDefault();
    const id = openId.trim().toLowerCase();
    if (!isValidAgendaId(id)) {
      setProblem('Det er ikke et gyldigt dagsordens-id.');
      return;
    }
    navigate({ screen: 'agenda', id });
  };

  return (
    <main className="start card wide">
      <header className="start-header">
        <h1>Dagsordener</h1>
        <p>
          {profile.name} ({profile.initials}){' '}
          <button type="button" className="link-button" onClick={onEditProfile}>
            Indstillinger
          </button>
        </p>
      </header>
      <button type="button" className="primary" onClick={() => void create()} disabled={creating}>
        Ny dagsorden
      </button>{' '}
      <button type="button" onClick={() => void runImport()}>
        Importér …
      </button>
      {serverProblem && <p className="notice" role="status">{serverProblem}</p>}
      {recent.length > 0 && (
        <section aria-labelledby="recent-heading">
          <h2 id="recent-heading">Senest åbnet</h2>
          <ul className="agenda-list">
            {recent.map((a) => (
              <AgendaRow key={a.id} agenda={{ ...a, local: true }} />
            ))}
          </ul>
        </section>
      )}
      <section aria-labelledby="all-heading">
        <h2 id="all-heading">Alle dagsordener</h2>
        <label className="search">
          Søg i titel og dato
          <input type="search" value={query} onChange={(e) => setQuery(e.target.value)} placeholder="f.eks. Midtjylland eller juni 2024" />
        </label>
        {shown.length === 0 ? (
          <p className="muted">{all.length === 0 ? 'Der er ingen dagsordener endnu.' : 'Ingen dagsordener passer til søgningen.'}</p>
        ) : (
          <ul className="agenda-list" data-testid="agenda-list">
            {shown.map((a) => (
              <AgendaRow key={a.id} agenda={a} />
            ))}
          </ul>
        )}
      </section>
      <form onSubmit={open} className="open-form">
        <label>
          Åbn dagsorden med id
          <input value={openId} onChange={(e) => setOpenId(e.target.value)} placeholder="f.eks. 3f2a…" />
        </label>
        <button type="submit">Åbn</button>
      </form>
      {problem && <p role="alert" className="problem">{problem}</p>}
    </main>
  );
}

function AgendaRow({ agenda }: { agenda: Listed }) {
  return (
    <li>
      <a href={`#/dagsorden/${agenda.id}`} className="agenda-row">
        <span className="agenda-row-title">{agenda.title || 'Dagsorden uden titel'}</span>
        <span className="agenda-row-meta">
          {agenda.meetingDate ? formatDanishDate(agenda.meetingDate) : 'Ingen dato'}
          {!agenda.registered && ' · kun på denne maskine'}
        </span>
      </a>
    </li>
  );
}
