import { docHookExtension } from '../agenda/doc-hook-extension';
import { recordCopies } from './copy-recorder';

/**
 * Records where the editor's moves, joins and undos copied text (copy-recorder.ts), for the
 * Y.Doc that the Collaboration extension binds, for the editor's lifetime.
 */
export const CopyForwarding = docHookExtension('copyForwarding', recordCopies);
