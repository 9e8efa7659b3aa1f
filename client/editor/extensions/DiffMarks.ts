import { Mark } from '@tiptap/core';

/**
 * The marks of a compare: text the later side added, and text it removed
 * (put back in place so it can be read). Only the read-only compare view
 * knows them; they never reach the live copy. Drawn as <ins>/<del> (underline
 * or strike-through plus a tint, see versions.css), and each says what it is
 * in words for screen readers, so the change never rests on colour.
 */
export const DiffInsert = Mark.create({
  name: 'diffInsert',
  inclusive: false,
  excludes: 'diffDelete',
  parseHTML() {
    return [{ tag: 'ins' }];
  },
  renderHTML() {
    return ['ins', { class: 'diff diff--insert' }, 0];
  },
});

export const DiffDelete = Mark.create({
  name: 'diffDelete',
  inclusive: false,
  excludes: 'diffInsert',
  parseHTML() {
    return [{ tag: 'del' }];
  },
  renderHTML() {
    return ['del', { class: 'diff diff--delete' }, 0];
  },
});
