import { useEffect, useState } from 'react';
import { SettingsForm } from '../user/SettingsForm';
import { loadSettings, type EditableSettings } from '../user/settings-source';
import type { UserProfile } from '../user/user-profile';
import { StartScreen } from '../start/StartScreen';
import { AgendaScreen } from '../shell/AgendaScreen';
import { onMenuCommand } from './menu-commands';
import { useRoute } from './route';

/** The app: asks who you are once, then shows the start screen or an agenda. */
export function App() {
  const [settings, setSettings] = useState<EditableSettings | null>(null);
  const [problem, setProblem] = useState<string | null>(null);
  const [editing, setEditing] = useState(false);
  const route = useRoute();

  useEffect(() => {
    loadSettings().then(setSettings, (error: unknown) => setProblem(`Indstillingerne kunne ikke læses: ${(error as Error).message}`));
    return onMenuCommand((command) => {
      if (command === 'openSettings') setEditing(true);
    });
  }, []);

  if (problem) return <p role="alert" className="problem card">{problem}</p>;
  if (!settings) return <p className="loading">Starter …</p>;
  const profile: UserProfile | null = settings.profile;
  if (!profile || editing) {
    return (
      <SettingsForm
        initial={settings}
        onCancel={profile ? () => setEditing(false) : undefined}
        onSaved={() => {
          setEditing(false);
          loadSettings().then(setSettings, (error: unknown) => setProblem((error as Error).message));
        }}
      />
    );
  }
  if (route.screen === 'agenda') return <AgendaScreen key={route.id} id={route.id} profile={profile} />;
  return <StartScreen profile={profile} onEditProfile={() => setEditing(true)} />;
}
