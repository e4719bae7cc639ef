import type { IncomingMessage } from 'node:http';
import type { AgendaStore } from '../agendas/agenda-store';
import type { User, UserStore } from '../auth/user-store';
import type { DocumentStorage } from '../storage/document-storage';
import type { Logger } from '../log';
import type { SyncHub } from '../sync/sync-hub';

/** What API routes work with. */
export interface ApiContext {
  users: UserStore;
  agendas: AgendaStore;
  storage: DocumentStorage;
  hub: SyncHub;
  log: Logger;
  /** The requester's address, for log lines. */
  clientAddress(req: IncomingMessage): string;
}

/** The user whose token the request carries as `Authorization: Bearer …`, or null. */
export function bearerUser(req: IncomingMessage, users: UserStore): User | null {
  const header = req.headers.authorization ?? '';
  const match = /^Bearer\s+(\S+)\s*$/i.exec(header);
  return match ? users.authenticate(match[1]) : null;
}
