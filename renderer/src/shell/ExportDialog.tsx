import { useState } from 'react';

/** Asks which version to export: internal (everything) or public (closed items as title only). */
export function ExportDialog({ onExport, onClose }: { onExport(publicVersion: boolean): void; onClose(): void }) {
  const [publicVersion, setPublicVersion] = useState(false);
  return (
    <div className="dialog-backdrop" role="presentation" onClick={onClose}>
      <div role="dialog" aria-modal="true" aria-labelledby="export-heading" className="dialog card" onClick={(e) => e.stopPropagation()}>
        <h2 id="export-heading">Eksportér PDF</h2>
        <fieldset>
          <legend>Version</legend>
          <label className="radio">
            <input type="radio" name="version" checked={!publicVersion} onChange={() => setPublicVersion(false)} />
            Intern – alle punkter med indhold
          </label>
          <label className="radio">
            <input type="radio" name="version" checked={publicVersion} onChange={() => setPublicVersion(true)} />
            Offentlig – lukkede punkter kun med nummer og titel
          </label>
        </fieldset>
        <div className="dialog-buttons">
          <button type="button" onClick={onClose}>
            Annullér
          </button>
          <button type="button" className="primary" autoFocus onClick={() => onExport(publicVersion)}>
            Eksportér
          </button>
        </div>
      </div>
    </div>
  );
}
