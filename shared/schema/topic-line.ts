import { Node, mergeAttributes } from '@tiptap/core';
import { toggleTopicLine } from '../agenda/body-commands';

declare module '@tiptap/core' {
  interface Commands<ReturnType> {
    topicLine: {
      /** Makes the paragraph at the cursor a topic line or a paragraph again; elsewhere inserts one. */
      toggleTopicLine: () => ReturnType;
    };
  }
}

/** An unnumbered topic line inside Sagsfremstilling ("De økonomiske rammer"). */
export const TopicLine = Node.create({
  name: 'topicLine',
  content: 'text*',
  marks: '',
  defining: true,
  addCommands() {
    return {
      toggleTopicLine: () => ({ state, dispatch }) => toggleTopicLine(state, dispatch),
    };
  },
  addKeyboardShortcuts() {
    return {
      'Mod-Shift-7': () => this.editor.commands.toggleTopicLine(),
    };
  },
  parseHTML() {
    return [{ tag: 'h4[data-type="topic-line"]' }];
  },
  renderHTML({ HTMLAttributes }) {
    return ['h4', mergeAttributes(HTMLAttributes, { 'data-type': 'topic-line' }), 0];
  },
});
