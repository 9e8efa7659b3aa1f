import type { Editor } from '@tiptap/core';
import { useEffect, useRef, useState } from 'react';
import { afterNextPaint } from './afterNextPaint.ts';

/**
 * Like Tiptap's useEditorState, for state that only describes the editor
 * (which toolbar buttons are on or can act): `select` runs after the frame
 * that shows a change has been painted, once however many transactions came
 * in that frame, instead of inside every transaction. A keystroke's own frame
 * never waits for it; the value is a frame late. Re-renders only when
 * `isEqual` says the selection changed. `select` and `isEqual` are read
 * fresh on each run, so they need not be stable.
 */
export function useEditorStateAfterPaint<T>(editor: Editor, select: (editor: Editor) => T, isEqual: (a: T, b: T) => boolean): T {
  const [value, setValue] = useState(() => select(editor));
  const latest = useRef({ select, isEqual });
  latest.current = { select, isEqual };

  useEffect(() => {
    let cancel: (() => void) | null = null;
    const refresh = () => {
      cancel = null;
      if (editor.isDestroyed) return;
      const next = latest.current.select(editor);
      setValue((previous) => (latest.current.isEqual(previous, next) ? previous : next));
    };
    const onChange = () => {
      cancel ??= afterNextPaint(refresh);
    };
    // The editor may have changed between the first render and this effect.
    onChange();
    editor.on('transaction', onChange);
    editor.on('update', onChange);
    return () => {
      editor.off('transaction', onChange);
      editor.off('update', onChange);
      cancel?.();
    };
  }, [editor]);

  return value;
}
