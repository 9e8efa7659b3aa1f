/**
 * The editor's keys as Tiptap key specs ("Mod-b"), with the names people know
 * them by. The toolbar shows them on its buttons and the keyboard shortcuts
 * list lists them, so the two cannot drift apart. Kept free of imports: the
 * shortcuts list loads on pages without the editor. Each label holds the
 * toolbar button's visible text ("H2"), so speech input can say what is seen.
 */
export const FORMATTING_KEYS = {
  bold: { label: 'Bold', shortcut: 'Mod-b' },
  italic: { label: 'Italic', shortcut: 'Mod-i' },
  h2: { label: 'H2 subheading', shortcut: 'Mod-Alt-2' },
  h3: { label: 'H3 minor subheading', shortcut: 'Mod-Alt-3' },
  bulletList: { label: 'Bulleted list', shortcut: 'Mod-Shift-8' },
  orderedList: { label: 'Numbered list', shortcut: 'Mod-Shift-7' },
  blockquote: { label: 'Block quote', shortcut: 'Mod-Shift-b' },
  pullQuote: { label: 'Pull quote', shortcut: 'Mod-Alt-q' },
  link: { label: 'Link', shortcut: 'Mod-k' },
  undo: { label: 'Undo', shortcut: 'Mod-z' },
  redo: { label: 'Redo', shortcut: 'Mod-Shift-z' },
} as const satisfies Record<string, { label: string; shortcut: string }>;

/** Start and end of the copy: Ctrl+Home / Ctrl+End, or Cmd+Up / Cmd+Down on a Mac (Shift extends the selection). */
export const documentEdgeKeys = (isApple: boolean): readonly [start: string, end: string] =>
  isApple ? ['Mod-ArrowUp', 'Mod-ArrowDown'] : ['Mod-Home', 'Mod-End'];
