import type { Extensions } from '@tiptap/core';
import { Blockquote } from '@tiptap/extension-blockquote';
import { Bold } from '@tiptap/extension-bold';
import { HardBreak } from '@tiptap/extension-hard-break';
import { Heading } from '@tiptap/extension-heading';
import { HorizontalRule } from '@tiptap/extension-horizontal-rule';
import { Italic } from '@tiptap/extension-italic';
import { Link } from '@tiptap/extension-link';
import { BulletList } from '@tiptap/extension-list/bullet-list';
import { ListItem } from '@tiptap/extension-list/item';
import { ListKeymap } from '@tiptap/extension-list/keymap';
import { OrderedList } from '@tiptap/extension-list/ordered-list';
import { Paragraph } from '@tiptap/extension-paragraph';
import { Strike } from '@tiptap/extension-strike';
import { Text } from '@tiptap/extension-text';
import { Underline } from '@tiptap/extension-underline';
import { Dropcursor } from '@tiptap/extensions/drop-cursor';
import { Gapcursor } from '@tiptap/extensions/gap-cursor';
import { TrailingNode } from '@tiptap/extensions/trailing-node';
import { DraftDocument, Headline, PullQuote, Standfirst } from './nodes.ts';
import { isSafeUrl } from './safeUrl.ts';

/**
 * The headless extensions that define a draft's schema. The browser editor adds
 * its interactive extensions (collaboration, carets, placeholders) on top; the
 * server uses exactly these to import and export copy, so both sides agree on
 * what a draft may contain.
 */
export function draftSchemaExtensions(): Extensions {
  // Tiptap's starter kit, less what a draft does not have (code, code blocks, and its
  // undo history: Collaboration's undo manager only undoes one's own edits). Listed
  // one by one, in the kit's order, so the browser bundle carries none of the rest.
  return [
    Bold,
    Blockquote,
    BulletList,
    Dropcursor,
    Gapcursor,
    HardBreak,
    Heading.configure({ levels: [2, 3, 4] }),
    HorizontalRule,
    Italic,
    ListItem,
    ListKeymap,
    Link.configure({
      openOnClick: false,
      autolink: true,
      defaultProtocol: 'https',
      // No custom schemes for autolinking (mailto: is built in): linkify keeps them globally, so a
      // second editor on the page (the version viewer) re-registered them with a warning, and
      // closing it reset them for the first. tel: links can still be made with the link dialog.
      isAllowedUri: (url) => isSafeUrl(url),
      HTMLAttributes: { rel: 'noopener noreferrer nofollow', target: null },
    }),
    OrderedList,
    Paragraph,
    Strike,
    Text,
    Underline,
    TrailingNode,
    DraftDocument,
    Headline,
    Standfirst,
    PullQuote,
  ];
}
