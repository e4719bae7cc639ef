import { NodeViewWrapper, type ReactNodeViewProps } from '@tiptap/react';
import { SUBHEADING_KINDS, SUBHEADING_LABELS, isSubheadingKind } from '../../../../shared/schema/subheading-kind';

/** A standing subheading, with a menu to change which one it is. */
export function SubheadingView({ node, editor, getPos, selected }: ReactNodeViewProps) {
  const kind = isSubheadingKind(node.attrs.kind) ? node.attrs.kind : 'baggrund';
  return (
    <NodeViewWrapper className={`subheading-view${selected ? ' is-selected' : ''}`}>
      <h3 data-type="subheading" data-kind={kind}>{SUBHEADING_LABELS[kind]}</h3>
      <select
        className="subheading-kind"
        contentEditable={false}
        aria-label="Skift underoverskrift"
        title="Skift underoverskrift"
        value={kind}
        disabled={!editor.isEditable}
        onChange={(event) => {
          const pos = getPos();
          const next = event.target.value;
          if (typeof pos === 'number' && isSubheadingKind(next)) editor.chain().setSubheadingKind(pos, next).run();
        }}
      >
        {SUBHEADING_KINDS.map((k) => (
          <option key={k} value={k}>{SUBHEADING_LABELS[k]}</option>
        ))}
      </select>
    </NodeViewWrapper>
  );
}
