/** Who is using this app: shown to others beside their caret and in the presence list. */
export interface UserProfile {
  name: string;
  /** Caseworker initials, e.g. "chbn". */
  initials: string;
  /** A 6-digit hex colour (CollaborationCaret needs exactly this form). */
  color: string;
}

const STORAGE_KEY = 'dagsorden.user';

/** Colours with enough contrast against white for caret labels. */
export const USER_COLORS = ['#1f6feb', '#b3261e', '#1a7f37', '#8250df', '#bc4c00', '#0a7d8c', '#bf3989', '#6e5600'];

/** Checks a profile; returns an error message in Danish, or null when it is fine. */
export function profileProblem(profile: Partial<UserProfile>): string | null {
  if (!profile.name || profile.name.trim().length < 2) return 'Skriv dit navn.';
  if (profile.name.length > 80) return 'Navnet er for langt.';
  if (!profile.initials || !/^[\p{L}\d]{1,8}$/u.test(profile.initials.trim())) return 'Initialer: 1–8 bogstaver eller tal.';
  if (!profile.color || !/^#[0-9a-f]{6}$/i.test(profile.color)) return 'Farven skal være en hex-farve som #1f6feb.';
  return null;
}

/** The remembered profile, or null when none (or a damaged one) is stored. */
export function loadProfile(storage: Storage = localStorage): UserProfile | null {
  try {
    const value = JSON.parse(storage.getItem(STORAGE_KEY) ?? 'null') as Partial<UserProfile> | null;
    if (!value || profileProblem(value)) return null;
    return { name: value.name!.trim(), initials: value.initials!.trim(), color: value.color!.toLowerCase() };
  } catch {
    return null;
  }
}

/** Remembers the profile. */
export function saveProfile(profile: UserProfile, storage: Storage = localStorage): void {
  storage.setItem(STORAGE_KEY, JSON.stringify(profile));
}

/** A colour picked at random for a new user. */
export function randomColor(): string {
  return USER_COLORS[Math.floor(Math.random() * USER_COLORS.length)]!;
}
