import {
  AGENDA_API_PATH, ME_API_PATH, type MeResponse, type AgendaListResponse, type AgendaSummary, type CreateAgendaRequest, type CreateAgendaResponse,
} from '../../../shared/protocol/agenda-api';
import type { SyncTarget } from './sync-target';

/** Why an API call failed: the server said no (with its message), or it could not be reached. */
export class AgendaApiError extends Error {
  override name = 'AgendaApiError';
  constructor(
    message: string,
    /** HTTP status, or 0 when the server could not be reached. */
    readonly status: number,
  ) {
    super(message);
  }
}

/** The http(s) base URL of a sync server given by its ws(s) URL. */
export function httpBase(wsUrl: string): string {
  return wsUrl.replace(/^ws(s?):/, 'http$1:').replace(/\/+$/, '');
}

async function call<T>(target: SyncTarget, path: string, init: RequestInit = {}): Promise<T> {
  let response: Response;
  try {
    response = await fetch(`${httpBase(target.url)}${path}`, {
      // A server that accepts the connection but never answers must not leave the app waiting.
      signal: AbortSignal.timeout(10_000),
      ...init,
      headers: { ...(init.body ? { 'content-type': 'application/json' } : {}), authorization: `Bearer ${target.token}` },
    });
  } catch {
    throw new AgendaApiError('Serveren kan ikke nås.', 0);
  }
  if (response.status === 204) return undefined as T;
  const body = (await response.json().catch(() => null)) as { error?: string } | null;
  if (!response.ok) {
    const reason = response.status === 401 ? 'Adgang nægtet: adgangsnøglen er forkert eller trukket tilbage.' : body?.error ?? `Serveren svarede ${response.status}.`;
    throw new AgendaApiError(reason, response.status);
  }
  return body as T;
}

/** The agendas on the server. */
export async function listAgendas(target: SyncTarget): Promise<AgendaSummary[]> {
  const result = await call<AgendaListResponse>(target, AGENDA_API_PATH);
  return Array.isArray(result?.agendas) ? result.agendas : [];
}

/** Registers an agenda (with the id the client chose) on the server. Safe to repeat. */
export async function registerAgenda(target: SyncTarget, request: CreateAgendaRequest): Promise<string> {
  const result = await call<CreateAgendaResponse>(target, AGENDA_API_PATH, { method: 'POST', body: JSON.stringify(request) });
  return result.id;
}

/** Who the token belongs to, and whether they may only read. */
export function whoAmI(target: SyncTarget): Promise<MeResponse> {
  return call<MeResponse>(target, ME_API_PATH);
}
