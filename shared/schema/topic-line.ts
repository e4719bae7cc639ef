import { Node, mergeAttributes } from '@tiptap/core';

/** An unnumbered topic line inside Sagsfremstilling ("De økonomiske rammer"). */
export const TopicLine = Node.create({
  name: 'topicLine',
  content: 'text*',
  marks: '',
  defining: true,
  parseHTML() {
    return [{ tag: 'h4[data-type="topic-line"]' }];
  },
  renderHTML({ HTMLAttributes }) {
    return ['h4', mergeAttributes(HTMLAttributes, { 'data-type': 'topic-line' }), 0];
  },
});
