import { Node, mergeAttributes } from '@tiptap/core';

/**
 * The draft's top-level structure: exactly one headline, one standfirst, then
 * the body blocks. All three live in the `body` root type.
 */
export const DraftDocument = Node.create({
  name: 'doc',
  topNode: true,
  content: 'headline standfirst block+',
});

export const Headline = Node.create({
  name: 'headline',
  content: 'text*',
  marks: 'italic',
  defining: true,
  parseHTML() {
    return [{ tag: 'h1', priority: 60 }, { tag: 'header[data-type="headline"]' }];
  },
  renderHTML({ HTMLAttributes }) {
    return ['h1', mergeAttributes(HTMLAttributes, { 'data-type': 'headline', class: 'headline' }), 0];
  },
});

export const Standfirst = Node.create({
  name: 'standfirst',
  content: 'inline*',
  defining: true,
  parseHTML() {
    return [{ tag: 'p[data-type="standfirst"]', priority: 60 }];
  },
  renderHTML({ HTMLAttributes }) {
    return ['p', mergeAttributes(HTMLAttributes, { 'data-type': 'standfirst', class: 'standfirst' }), 0];
  },
});

/** A quote set apart from the text for display; distinct from a block quote of a source. */
export const PullQuote = Node.create({
  name: 'pullQuote',
  group: 'block',
  content: 'inline*',
  defining: true,
  parseHTML() {
    return [{ tag: 'aside[data-type="pull-quote"]' }, { tag: 'blockquote.pull-quote', priority: 60 }];
  },
  renderHTML({ HTMLAttributes }) {
    return ['aside', mergeAttributes(HTMLAttributes, { 'data-type': 'pull-quote', class: 'pull-quote' }), 0];
  },
});
