import { useState } from 'react';
import { ProfileForm } from '../user/ProfileForm';
import { loadProfile, saveProfile, type UserProfile } from '../user/user-profile';
import { StartScreen } from '../start/StartScreen';
import { AgendaScreen } from '../shell/AgendaScreen';
import { useRoute } from './route';
import { browserToken, saveBrowserToken } from '../sync/sync-target';
import { desktopApi } from '../sync/server-url';

/** The app: asks who you are once, then shows the start screen or an agenda. */
export function App() {
  const [profile, setProfile] = useState<UserProfile | null>(() => loadProfile());
  const [editingProfile, setEditingProfile] = useState(false);
  const route = useRoute();

  if (!profile || editingProfile) {
    return (
      <ProfileForm
        initial={profile}
        initialToken={desktopApi() ? undefined : browserToken()}
        onSave={(next, token) => {
          saveProfile(next);
          if (token !== null) saveBrowserToken(token);
          setProfile(next);
          setEditingProfile(false);
        }}
      />
    );
  }
  if (route.screen === 'agenda') return <AgendaScreen key={route.id} id={route.id} profile={profile} />;
  return <StartScreen profile={profile} onEditProfile={() => setEditingProfile(true)} />;
}
