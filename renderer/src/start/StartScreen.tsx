import { useState, type FormEvent } from 'react';
import { isValidAgendaId } from '../../../shared/agenda/agenda-id';
import { navigate } from '../app/route';
import { createAgendaFromTemplate } from '../sync/new-agenda';
import type { UserProfile } from '../user/user-profile';

/** The start screen: create a new agenda, or open one by its id. */
export function StartScreen({ profile, onEditProfile }: { profile: UserProfile; onEditProfile(): void }) {
  const [openId, setOpenId] = useState('');
  const [problem, setProblem] = useState<string | null>(null);

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
    <main className="start card">
      <h1>Dagsorden</h1>
      <p>
        Logget ind som <strong>{profile.name}</strong> ({profile.initials}).{' '}
        <button type="button" className="link-button" onClick={onEditProfile}>
          Skift
        </button>
      </p>
      <button type="button" className="primary" onClick={() => navigate({ screen: 'agenda', id: createAgendaFromTemplate() })}>
        Ny dagsorden
      </button>
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
