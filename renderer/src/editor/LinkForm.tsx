import { useEffect, useRef, useState, type FormEvent } from 'react';
import type { Editor } from '@tiptap/core';
import { readLinkInput } from '../../../shared/agenda/link-input';

/**
 * Asks for a link address (Electron has no window.prompt) and sets it on the selected text,
 * or inserts the address as linked text when nothing is selected. Refuses anything but
 * http, https and mailto, saying why.
 */
export function LinkForm({ editor, onClose }: { editor: Editor; onClose(): void }) {
  const current = editor.getAttributes('link').href as string | undefined;
  const [value, setValue] = useState(current ?? '');
  const [problem, setProblem] = useState<string | null>(null);
  const input = useRef<HTMLInputElement>(null);
  useEffect(() => input.current?.focus(), []);

  const submit = (event: FormEvent) => {
    event.preventDefault();
    const result = readLinkInput(value);
    if ('problem' in result) {
      setProblem(result.problem);
      return;
    }
    const chain = editor.chain().focus().extendMarkRange('link');
    if (editor.state.selection.empty && !current) {
      chain.insertContent({ type: 'text', text: result.href, marks: [{ type: 'link', attrs: { href: result.href } }] }).run();
    } else {
      chain.setLink({ href: result.href }).run();
    }
    onClose();
  };

  return (
    <form className="link-form" onSubmit={submit} onKeyDown={(event) => event.key === 'Escape' && onClose()} aria-label="Link">
      <label>
        Linkadresse
        <input
          ref={input}
          value={value}
          onChange={(event) => {
            setValue(event.target.value);
            setProblem(null);
          }}
          placeholder="https://… eller mailto:…"
          aria-invalid={problem ? true : undefined}
          aria-describedby={problem ? 'link-problem' : undefined}
        />
      </label>
      <div className="link-form-buttons">
        <button type="submit" className="primary">Indsæt link</button>
        {current && (
          <button type="button" onClick={() => { editor.chain().focus().extendMarkRange('link').unsetLink().run(); onClose(); }}>
            Fjern link
          </button>
        )}
        <button type="button" onClick={() => { editor.commands.focus(); onClose(); }}>Annuller</button>
      </div>
      {problem && <p id="link-problem" role="alert" className="problem">{problem}</p>}
    </form>
  );
}
