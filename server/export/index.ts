export { exportAgendaPdf, createNodePdfExporter, type AgendaPdfOptions } from './export-agenda-pdf';
export { readBundledFonts, bundledFontDirectory, BUNDLED_FONT_FILES } from './bundled-fonts';
export { readAgendaTemplate, AGENDA_TEMPLATE_PATH } from './agenda-template';
