import { useEffect, useState } from 'react';
import { onMenuCommand } from '../app/menu-commands';
import { navigate } from '../app/route';
import type { AgendaSession } from '../sync/agenda-session';
import { desktopApi } from '../sync/desktop-api';
import { exportPdf, openCopy, saveCopy, type ActionOutcome } from './file-actions';
import { importAgenda } from '../start/import-agenda';

/** The state of the file commands of an open agenda, for the screen to show. */
export interface FileCommandState {
  /** A message to show after an action (or its failure). */
  message: { kind: 'done' | 'problem'; text: string } | null;
  /** Text while an action runs (export progress), else null. */
  busy: string | null;
  /** True while the export dialog is open. */
  askingExport: boolean;
  runExport(publicVersion: boolean): void;
  closeExport(): void;
  dismiss(): void;
}

/** Handles the file menu commands (native or in-page) for the open agenda. */
export function useFileCommands(session: AgendaSession): FileCommandState {
  const [message, setMessage] = useState<FileCommandState['message']>(null);
  const [busy, setBusy] = useState<string | null>(null);
  const [askingExport, setAskingExport] = useState(false);

  const run = (label: string, action: () => Promise<ActionOutcome>) => {
    setBusy(label);
    setMessage(null);
    action()
      .then((outcome) => {
        if (outcome.kind !== 'canceled') setMessage({ kind: outcome.kind, text: outcome.message });
      })
      .catch((error: unknown) => setMessage({ kind: 'problem', text: (error as Error).message }))
      .finally(() => setBusy(null));
  };

  useEffect(() => {
    const offProgress = desktopApi()?.onExportProgress((progress) => setBusy(progress.stage === 'done' ? null : progress.message));
    const offMenu = onMenuCommand((command) => {
      switch (command) {
        case 'exportPdf':
          setAskingExport(true);
          break;
        case 'saveCopy':
          run('Gemmer kopi …', () => saveCopy(session));
          break;
        case 'openCopy':
          run('Fletter kopi ind …', () => openCopy(session));
          break;
        case 'newAgenda':
        case 'openAgenda':
          navigate({ screen: 'start' });
          break;
        case 'importAgendaFile':
          run('Importerer …', async () => {
            const outcome = await importAgenda();
            if (outcome.kind === 'imported') navigate({ screen: 'agenda', id: outcome.id });
            return outcome.kind === 'problem' ? { kind: 'problem', message: `Importen mislykkedes: ${outcome.message}` } : { kind: 'canceled' };
          });
          break;
        default:
          break;
      }
    });
    return () => {
      offMenu();
      offProgress?.();
    };
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [session]);

  return {
    message,
    busy,
    askingExport,
    runExport(publicVersion) {
      setAskingExport(false);
      run('Laver PDF …', () => exportPdf(session, publicVersion));
    },
    closeExport: () => setAskingExport(false),
    dismiss: () => setMessage(null),
  };
}
