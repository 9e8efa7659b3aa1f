import type { Editor } from '@tiptap/core';
import { useId, useRef, useState, type KeyboardEvent } from 'react';
import { FLAG_KIND_NAMES, FLAG_KINDS, type FlagKind } from '../../shared/annotations/kinds.ts';
import { Icon, type IconName } from '../ui/Icon.tsx';
import { FLAG_KIND_WORDS } from '../../shared/annotations/words.ts';
import { FLAG_SHORTCUTS } from './flags/flagKindWords.ts';
import { useHasFlaggableSelection } from './flags/useFlagLayout.ts';
import { ariaShortcut, shortcutLabel } from './shortcutLabel.ts';

export const FLAG_KIND_ICONS: Readonly<Record<FlagKind, IconName>> = {
  [FLAG_KINDS.claim]: 'claim',
  [FLAG_KINDS.sourceNeeded]: 'source',
  [FLAG_KINDS.legalRisk]: 'legal',
};

export interface FlagToolbarProps {
  editor: Editor;
  /** Null when this person may flag; otherwise why not, in words. */
  cannotFlagReason: string | null;
  onFlag: (kind: FlagKind) => void;
  isCleanCopy: boolean;
  onCleanCopyChange: (isCleanCopy: boolean) => void;
}

/**
 * Flag the selection (claim, source needed, legal risk) and the clean-copy
 * switch: a WAI-ARIA toolbar like the formatting one. The flag buttons stay
 * focusable when they cannot act, with the reason as their description.
 */
export function FlagToolbar({ editor, cannotFlagReason, onFlag, isCleanCopy, onCleanCopyChange }: FlagToolbarProps) {
  const hasSelection = useHasFlaggableSelection(editor);
  const reasonId = useId();
  const [focusIndex, setFocusIndex] = useState(0);
  const buttons = useRef<(HTMLButtonElement | null)[]>([]);
  const count = FLAG_KIND_NAMES.length + 1;
  const reason = cannotFlagReason ?? (hasSelection ? null : 'Select some text to flag it.');

  const onKeyDown = (event: KeyboardEvent<HTMLDivElement>) => {
    const moves: Record<string, number> = { ArrowRight: focusIndex + 1, ArrowLeft: focusIndex - 1, Home: 0, End: count - 1 };
    const next = moves[event.key];
    if (next === undefined) return;
    event.preventDefault();
    const index = (next + count) % count;
    setFocusIndex(index);
    buttons.current[index]?.focus();
  };

  return (
    <div className="toolbar flag-toolbar" role="toolbar" aria-label="Flags" onKeyDown={onKeyDown}>
      {FLAG_KIND_NAMES.map((kind, index) => {
        const words = FLAG_KIND_WORDS[kind];
        const isEnabled = reason === null;
        return (
          <span key={kind} className="toolbar__item">
            <button
              ref={(element) => {
                buttons.current[index] = element;
              }}
              type="button"
              className={`toolbar__button flag-toolbar__button flag-toolbar__button--${kind}`}
              tabIndex={index === focusIndex ? 0 : -1}
              aria-disabled={!isEnabled || undefined}
              aria-describedby={isEnabled ? undefined : reasonId}
              aria-keyshortcuts={ariaShortcut(FLAG_SHORTCUTS[kind])}
              title={`Flag as ${words.label.toLowerCase()} (${shortcutLabel(FLAG_SHORTCUTS[kind])})`}
              onFocus={() => setFocusIndex(index)}
              onMouseDown={(event) => event.preventDefault()}
              onClick={() => {
                if (isEnabled) onFlag(kind);
              }}
            >
              <Icon name={FLAG_KIND_ICONS[kind]} />
              <span className="flag-toolbar__text">{words.label}</span>
            </button>
          </span>
        );
      })}
      <span className="toolbar__item toolbar__item--separated">
        <button
          ref={(element) => {
            buttons.current[count - 1] = element;
          }}
          type="button"
          className="toolbar__button flag-toolbar__button"
          tabIndex={focusIndex === count - 1 ? 0 : -1}
          aria-pressed={isCleanCopy}
          title="Clean copy: hide every flag"
          onFocus={() => setFocusIndex(count - 1)}
          onMouseDown={(event) => event.preventDefault()}
          onClick={() => onCleanCopyChange(!isCleanCopy)}
        >
          <Icon name={isCleanCopy ? 'eyeOff' : 'eye'} />
          <span className="flag-toolbar__text">Clean copy</span>
        </button>
      </span>
      <span id={reasonId} className="visually-hidden">
        {reason ?? ''}
      </span>
    </div>
  );
}
