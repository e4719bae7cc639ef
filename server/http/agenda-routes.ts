import { randomUUID } from 'node:crypto';
import type { IncomingMessage, ServerResponse } from 'node:http';
import {
  AGENDA_API_PATH, ME_API_PATH, type AgendaListResponse, type MeResponse, type CreateAgendaRequest, type CreateAgendaResponse,
} from '../../shared/protocol/agenda-api';
import { CloseCode } from '../../shared/protocol/close-codes';
import { isValidAgendaId } from '../../shared/agenda/agenda-id';
import { isIsoDate } from '../../shared/agenda/meeting-facts';
import type { User } from '../auth/user-store';
import { bearerUser, type ApiContext } from './api-context';
import { BadRequestBody, readJsonBody, sendError, sendJson } from './json-response';
import type { RouteParams, Router } from './router';

type AuthedHandler = (req: IncomingMessage, res: ServerResponse, params: RouteParams, user: User) => void | Promise<void>;

/**
 * Wraps a handler so it runs only for a valid token (401 otherwise) and, with `write`, only
 * for users who may change things (403 for read-only users).
 */
export function authenticated(context: ApiContext, handler: AuthedHandler, access: 'read' | 'write' = 'read') {
  return async (req: IncomingMessage, res: ServerResponse, params: RouteParams) => {
    const user = bearerUser(req, context.users);
    if (!user) {
      context.log.warn('auth-failure', { client: context.clientAddress(req), path: req.url, reason: req.headers.authorization ? 'wrong or revoked token' : 'no token' });
      sendError(res, 401, 'Adgang nægtet: adgangsnøglen mangler, er forkert eller er trukket tilbage.', { 'www-authenticate': 'Bearer' });
      return;
    }
    if (access === 'write' && user.readOnly) {
      sendError(res, 403, 'Du har kun læseadgang.');
      return;
    }
    await handler(req, res, params, user);
  };
}

/** `GET/POST /api/agendas` and `DELETE /api/agendas/:id` (see shared/protocol/agenda-api.ts). */
export function addAgendaRoutes(router: Router, context: ApiContext): void {
  const { agendas, log } = context;

  router.add('GET', AGENDA_API_PATH, authenticated(context, (_req, res) => {
    sendJson(res, 200, { agendas: agendas.list() } satisfies AgendaListResponse);
  }));

  router.add('GET', ME_API_PATH, authenticated(context, (_req, res, _params, user) => {
    sendJson(res, 200, { name: user.name, initials: user.initials, readOnly: user.readOnly } satisfies MeResponse);
  }));

  router.add('POST', AGENDA_API_PATH, authenticated(context, async (req, res, _params, user) => {
    let request: CreateAgendaRequest;
    try {
      request = parseCreateRequest(await readJsonBody(req));
    } catch (error) {
      sendError(res, error instanceof BadRequestBody ? error.status : 400, (error as Error).message);
      return;
    }
    const id = request.id ?? randomUUID();
    const outcome = agendas.create({ id, title: request.title, committee: request.committee, meetingDate: request.meetingDate });
    if (outcome === 'deleted') {
      sendError(res, 410, 'Dagsordenen er slettet. En administrator kan gendanne den i 30 dage.');
      return;
    }
    if (outcome === 'created') log.info('agenda-created', { doc: id, user: user.initials });
    sendJson(res, outcome === 'created' ? 201 : 200, { id } satisfies CreateAgendaResponse);
  }, 'write'));

  router.add('DELETE', `${AGENDA_API_PATH}/:id`, authenticated(context, (_req, res, params, user) => {
    const id = params.id!;
    if (!isValidAgendaId(id) || !agendas.markDeleted(id)) {
      sendError(res, 404, 'Dagsordenen findes ikke.');
      return;
    }
    log.info('agenda-deleted', { doc: id, user: user.initials });
    context.hub.closeDocument(id, CloseCode.AgendaGone, 'Dagsordenen er slettet');
    res.writeHead(204).end();
  }, 'write'));
}

/** Checks a create request; throws an Error saying which field is wrong. */
function parseCreateRequest(body: unknown): CreateAgendaRequest {
  if (typeof body !== 'object' || body === null || Array.isArray(body)) throw new Error('Forespørgslen skal være et JSON-objekt');
  const record = body as Record<string, unknown>;
  const text = (field: string, max: number): string | undefined => {
    const value = record[field];
    if (value === undefined || value === null) return undefined;
    if (typeof value !== 'string') throw new Error(`${field} skal være tekst`);
    if (value.length > max) throw new Error(`${field} er længere end ${max} tegn`);
    return value;
  };
  const id = text('id', 64);
  if (id !== undefined && !isValidAgendaId(id)) throw new Error(`id "${id}" er ikke et gyldigt dagsorden-id (små bogstaver, cifre og bindestreger, 3–64 tegn)`);
  const meetingDate = text('meetingDate', 10);
  if (meetingDate !== undefined && meetingDate !== '' && !isIsoDate(meetingDate)) throw new Error(`meetingDate "${meetingDate}" skal være en dato som ÅÅÅÅ-MM-DD`);
  return { id, title: text('title', 500), committee: text('committee', 500), meetingDate };
}
