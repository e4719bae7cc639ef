import { NodeViewContent, NodeViewWrapper, type ReactNodeViewProps } from '@tiptap/react';
import { GripIcon, LockIcon } from '../icons';

/**
 * An item as the editor shows it: a drag handle in the left margin for moving it, a switch
 * for "lukket punkt", and its content (title with its derived number, case line, body).
 */
export function ItemView({ node, editor, getPos }: ReactNodeViewProps) {
  const closed = node.attrs.closed === true;
  const toggle = () => {
    const pos = getPos();
    if (typeof pos === 'number') editor.chain().setItemClosed(pos, !closed).run();
  };
  return (
    <NodeViewWrapper as="article" data-type="item" data-closed={closed ? 'true' : 'false'} className="item-view">
      <div className="item-controls" contentEditable={false}>
        <span
          className="item-drag-handle"
          draggable="true"
          data-drag-handle=""
          role="img"
          aria-label="Flyt punktet ved at trække"
          title="Træk for at flytte punktet (eller Alt+Shift+↑/↓)"
        >
          <GripIcon />
        </span>
        <button
          type="button"
          className={`item-closed-toggle${closed ? ' is-closed' : ''}`}
          aria-pressed={closed}
          aria-label="Lukket punkt"
          title={closed ? 'Lukket punkt: kun nummer og titel offentliggøres. Klik for at gøre det åbent.' : 'Åbent punkt. Klik for at gøre det lukket.'}
          onMouseDown={(event) => event.preventDefault()}
          onClick={toggle}
          disabled={!editor.isEditable}
        >
          {closed && <LockIcon />}
          {closed ? 'Lukket punkt' : 'Åbent punkt'}
        </button>
      </div>
      <NodeViewContent className="item-content" />
    </NodeViewWrapper>
  );
}
