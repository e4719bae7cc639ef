import { useState, type FormEvent } from 'react';
import { USER_COLORS, profileProblem, randomColor, type UserProfile } from './user-profile';

/** Asks for name, initials and colour (once; the answer is remembered). */
export function ProfileForm({
  initial,
  onSave,
  initialToken,
}: {
  initial: UserProfile | null;
  onSave(profile: UserProfile, token: string | null): void;
  /** The access token remembered in this browser; undefined in the desktop app (it keeps the token in its settings). */
  initialToken?: string;
}) {
  const [name, setName] = useState(initial?.name ?? '');
  const [token, setToken] = useState(initialToken ?? '');
  const [initials, setInitials] = useState(initial?.initials ?? '');
  const [color, setColor] = useState(initial?.color ?? randomColor());
  const [problem, setProblem] = useState<string | null>(null);

  const submit = (event: FormEvent) => {
    event.preventDefault();
    const profile = { name: name.trim(), initials: initials.trim(), color };
    const found = profileProblem(profile);
    setProblem(found);
    if (!found) onSave(profile, initialToken === undefined ? null : token.trim());
  };

  return (
    <form className="profile-form card" onSubmit={submit} aria-labelledby="profile-heading">
      <h1 id="profile-heading">Hvem er du?</h1>
      <p>Dit navn og dine initialer vises for kolleger, der skriver i samme dagsorden.</p>
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
      {initialToken !== undefined && (
        <label>
          Adgangsnøgle
          <input name="token" type="password" value={token} onChange={(e) => setToken(e.target.value)} autoComplete="off" />
          <span className="hint">Du får nøglen af den, der driver Dagsorden-serveren.</span>
        </label>
      )}
      {problem && <p role="alert" className="problem">{problem}</p>}
      <button type="submit">Gem</button>
    </form>
  );
}
