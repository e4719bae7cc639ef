import { useState, type FormEvent } from 'react';
import { USER_COLORS, profileProblem, randomColor } from './user-profile';
import { saveSettings, type EditableSettings } from './settings-source';
import type { UserProfile } from './user-profile';

/**
 * Who you are (name, initials, colour — shown to colleagues) and how to reach the server.
 * Asked once; "Indstillinger" on the start screen opens it again.
 */
export function SettingsForm({ initial, onSaved, onCancel }: { initial: EditableSettings; onSaved(profile: UserProfile): void; onCancel?(): void }) {
  const desktop = initial.serverUrl !== undefined;
  const [name, setName] = useState(initial.profile?.name ?? '');
  const [initials, setInitials] = useState(initial.profile?.initials ?? '');
  const [color, setColor] = useState(initial.profile?.color ?? randomColor());
  const [serverUrl, setServerUrl] = useState(initial.serverUrl ?? '');
  const [token, setToken] = useState(initial.browserToken ?? '');
  const [tokenTouched, setTokenTouched] = useState(false);
  const [problems, setProblems] = useState<Record<string, string>>({});
  const [saving, setSaving] = useState(false);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const profile = { name: name.trim(), initials: initials.trim(), color };
    const found = profileProblem(profile);
    if (found) {
      setProblems({ profile: found });
      return;
    }
    setSaving(true);
    try {
      const tokenToSave = desktop ? (tokenTouched ? token.trim() : undefined) : token.trim();
      const outcome = await saveSettings(profile, desktop ? serverUrl.trim() || null : undefined, tokenToSave);
      if (outcome.ok) onSaved(outcome.profile);
      else setProblems(outcome.errors);
    } catch (error) {
      setProblems({ profile: `Indstillingerne kunne ikke gemmes: ${(error as Error).message}` });
    } finally {
      setSaving(false);
    }
  };

  const problemText = Object.values(problems).join(' ');
  return (
    <form className="profile-form card" onSubmit={(e) => void submit(e)} aria-labelledby="profile-heading">
      <h1 id="profile-heading">{initial.profile ? 'Indstillinger' : 'Hvem er du?'}</h1>
      <p>Dit navn, dine initialer og din farve vises for kolleger, der skriver i samme dagsorden.</p>
      <label>
        Navn
        <input name="name" autoFocus value={name} onChange={(e) => setName(e.target.value)} autoComplete="name" />
      </label>
      <label>
        Initialer
        <input name="initials" value={initials} onChange={(e) => setInitials(e.target.value)} maxLength={8} />
      </label>
      <fieldset className="colors">
        <legend>Farve</legend>
        {USER_COLORS.map((c) => (
          <label key={c} className="color-choice" style={{ background: c }}>
            <input type="radio" name="color" value={c} checked={color === c} onChange={() => setColor(c)} aria-label={`Farve ${c}`} />
          </label>
        ))}
      </fieldset>
      {desktop && (
        <label>
          Serveradresse
          <input name="serverUrl" value={serverUrl} onChange={(e) => setServerUrl(e.target.value)} placeholder="f.eks. wss://dagsorden.kl.dk" />
          <span className="hint">Tom: du arbejder kun på denne maskine.</span>
        </label>
      )}
      <label>
        Adgangsnøgle
        <input
          name="token"
          type="password"
          value={token}
          onChange={(e) => {
            setToken(e.target.value);
            setTokenTouched(true);
          }}
          placeholder={desktop && initial.hasToken ? 'En nøgle er gemt – skriv en ny for at skifte den' : ''}
          autoComplete="off"
        />
        <span className="hint">Du får nøglen af den, der driver Dagsorden-serveren.</span>
      </label>
      {problemText && (
        <p role="alert" className="problem">
          {problemText}
        </p>
      )}
      <div className="dialog-buttons">
        {onCancel && (
          <button type="button" onClick={onCancel}>
            Annullér
          </button>
        )}
        <button type="submit" className="primary" disabled={saving}>
          Gem
        </button>
      </div>
    </form>
  );
}
