import type { DocumentStorage } from '../storage/document-storage';
import type { Logger } from '../log';
import type { AgendaStore } from './agenda-store';

/** Removes agendas deleted more than 30 days ago, with their stored documents. Never throws. */
export async function purgeExpiredAgendas(agendas: AgendaStore, storage: DocumentStorage, log: Logger, now = new Date()): Promise<void> {
  try {
    for (const id of agendas.expired(now)) {
      await storage.remove(id);
      agendas.purge(id);
      log.info('agenda-purged', { doc: id });
    }
  } catch (error) {
    log.error('purge-failure', { error: (error as Error).message });
  }
}
