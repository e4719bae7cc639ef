import * as Y from 'yjs';
import { AGENDA_API_PATH } from '../../shared/protocol/agenda-api';
import { isValidAgendaId } from '../../shared/agenda/agenda-id';
import { readAgenda } from '../../shared/agenda/ydoc-agenda';
import { documentTitle } from '../../shared/agenda/meeting-facts';
import type { PdfWorkerPool } from '../export/pdf-worker-pool';
import { PdfJobError } from '../export/pdf-worker-pool';
import { authenticated } from './agenda-routes';
import type { ApiContext } from './api-context';
import { sendError } from './json-response';
import type { Router } from './router';

/**
 * `GET /api/agendas/:id/pdf[?public=1]`: the agenda as the KL house-style PDF, for the
 * browser client. Made from the stored state (every update is stored before it is relayed,
 * so storage is current), compiled in a worker thread.
 */
export function agendaPdfRoute(pool: PdfWorkerPool) {
  return (router: Router, context: ApiContext): void => {
    router.add('GET', `${AGENDA_API_PATH}/:id/pdf`, authenticated(context, async (req, res, params, user) => {
      const id = params.id!;
      if (!isValidAgendaId(id) || !context.agendas.list().some((agenda) => agenda.id === id)) {
        sendError(res, 404, 'Dagsordenen findes ikke.');
        return;
      }
      const publicVersion = new URL(req.url ?? '/', 'http://x').searchParams.get('public') === '1';
      const state = await context.storage.load(id);
      const ydoc = new Y.Doc();
      if (state) Y.applyUpdate(ydoc, state);
      let pdf: Uint8Array;
      let title: string;
      try {
        const agenda = readAgenda(ydoc);
        title = documentTitle(agenda.meeting) || 'Dagsorden';
        pdf = await pool.export(agenda, { public: publicVersion });
      } catch (error) {
        const message = (error as Error).message;
        context.log.warn('pdf-export-failed', { doc: id, user: user.initials, error: message });
        sendError(res, error instanceof PdfJobError && error.kind === 'PdfExportError' ? 422 : 500, message);
        return;
      } finally {
        ydoc.destroy();
      }
      context.log.info('pdf-exported', { doc: id, user: user.initials, public: publicVersion, bytes: pdf.byteLength });
      const fileName = `${title}${publicVersion ? ' (offentlig)' : ''}.pdf`;
      res.writeHead(200, {
        'content-type': 'application/pdf',
        'content-length': pdf.byteLength,
        'content-disposition': `attachment; filename="dagsorden.pdf"; filename*=UTF-8''${encodeURIComponent(fileName)}`,
        'cache-control': 'no-store',
      });
      res.end(Buffer.from(pdf.buffer, pdf.byteOffset, pdf.byteLength));
    }));
  };
}
