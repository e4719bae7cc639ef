import type { ConnectionStatus } from './agenda-session';

/** What the status line says about where the user's work is saved. */
export function saveStatusText(input: { status: ConnectionStatus; localOnly: boolean; confirmed: boolean; pending: number; refusal: string | null; readOnly?: boolean }): string {
  if (input.localOnly) return 'Gemt lokalt';
  if (input.readOnly && input.status !== 'refused') return input.status === 'connected' ? 'Kun læseadgang' : 'Kun læseadgang – offline';
  if (input.status === 'refused') return input.refusal ?? 'Afvist af serveren';
  if (input.status === 'offline') return `Offline – ${input.pending} ${input.pending === 1 ? 'ændring venter' : 'ændringer venter'}`;
  if (input.status === 'connected' && input.confirmed) return 'Alt er gemt på serveren';
  return 'Synkroniserer …';
}
