/**
 * The sync server's small HTTP API for agendas, shared by server and clients. Every request
 * carries the user's token as `Authorization: Bearer <token>`.
 *
 * - `GET    /api/agendas`          → 200 `AgendaListResponse`
 * - `POST   /api/agendas`          body `CreateAgendaRequest` → 201 `CreateAgendaResponse`
 *   (200 when an agenda with the client-chosen id already exists: creating offline, then
 *   posting again after reconnecting, is safe)
 * - `DELETE /api/agendas/:id`      → 204 (a recoverable copy is kept for 30 days)
 * - `GET    /api/agendas/:id/pdf`  → 200 application/pdf (`?public=1` for the public version)
 * - `GET    /api/me`               → 200 `MeResponse`: who the token belongs to
 * Errors answer `ApiError` with a 4xx/5xx status.
 */

/** One agenda in the server's list. */
export interface AgendaSummary {
  id: string;
  title: string;
  committee: string;
  /** ISO date YYYY-MM-DD, or "" when not set. */
  meetingDate: string;
  /** ISO timestamp of the last change. */
  updatedAt: string;
}

export interface AgendaListResponse {
  agendas: AgendaSummary[];
}

export interface CreateAgendaRequest {
  /** An id chosen by the client (e.g. for an agenda created offline); the server picks one when absent. */
  id?: string;
  title?: string;
  committee?: string;
  meetingDate?: string;
}

export interface CreateAgendaResponse {
  id: string;
}

export interface ApiError {
  error: string;
}

/** The user a token belongs to, as the server knows them. */
export interface MeResponse {
  name: string;
  initials: string;
  /** Receives every change but may not change anything (the server drops their edits). */
  readOnly: boolean;
}

/** Path of the "who am I" request. */
export const ME_API_PATH = '/api/me';

/** Query parameter that carries the token on the websocket URL (browsers cannot set headers there). */
export const TOKEN_PARAM = 'token';

/** Path prefix of the agenda API. */
export const AGENDA_API_PATH = '/api/agendas';
