import { useEffect } from 'react';
import type { AgendaSession } from '../sync/agenda-session';

/** Asks before the page is closed or reloaded while changes are not confirmed by the server. */
export function useLeaveGuard(session: AgendaSession): void {
  useEffect(() => {
    const guard = (event: BeforeUnloadEvent) => {
      if (!session.hasUnconfirmedChanges()) return;
      event.preventDefault();
      // Older engines show the dialog only when returnValue is set.
      event.returnValue = '';
    };
    window.addEventListener('beforeunload', guard);
    return () => window.removeEventListener('beforeunload', guard);
  }, [session]);
}
