import {
  useId,
  useLayoutEffect,
  useMemo,
  useRef,
  useState,
  type KeyboardEvent,
  type RefObject,
  type SyntheticEvent,
  type TextareaHTMLAttributes,
} from 'react';
import type { DirectoryPerson } from '../../../shared/api/people.ts';
import { roleLabel } from '../../identity/roleLabel.ts';
import '../../styles/annotations.css';
import { findMentionQuery, matchPeople, mentionReplacement } from './mentionQuery.ts';
import { usePeopleDirectory } from './PeopleDirectory.tsx';

export interface MentionTextareaProps extends Omit<TextareaHTMLAttributes<HTMLTextAreaElement>, 'value'> {
  /** Controlled: a chosen mention reaches the caller through `onChange`, like typing. */
  value: string;
}

/** Space between the field and the list, in CSS pixels. */
const LIST_GAP_PX = 4;

/**
 * A comment field that offers people from the directory while an @mention is
 * typed. The field keeps its textbox role (a textarea may not be a combobox,
 * and it holds several lines) and carries what ARIA allows a textbox of the
 * combobox attributes: the open list is the listbox it `aria-controls`, whose
 * active option is `aria-activedescendant`, and a status says the list is
 * open (`aria-expanded` is not allowed on a textbox). With the list
 * open, ArrowUp/ArrowDown choose, Enter or Tab inserts `@username `, Escape
 * closes the list only; every other key, and these with the list closed, go
 * to the caller's `onKeyDown`. Without a directory (loading, failed) it is a
 * plain textarea.
 */
export function MentionTextarea({ value, onKeyDown, onSelect, onChange, onFocus, onBlur, ...textareaProps }: MentionTextareaProps) {
  const people = usePeopleDirectory();
  const fieldRef = useRef<HTMLTextAreaElement>(null);
  const listRef = useRef<HTMLUListElement>(null);
  const listId = useId();
  const [caret, setCaret] = useState<number | null>(null);
  const [isFocused, setFocused] = useState(false);
  // The fragment whose list Escape closed; typing on makes a new fragment, which opens it again.
  const [dismissedKey, setDismissedKey] = useState<string | null>(null);
  const [active, setActive] = useState<{ key: string; index: number } | null>(null);

  const query = caret === null ? null : findMentionQuery(value, caret);
  const queryText = query?.query;
  const matches = useMemo(() => (people && queryText !== undefined ? matchPeople(people, queryText) : []), [people, queryText]);
  const key = query ? `${query.start}:${query.query}` : null;
  const isOpen = isFocused && key !== null && matches.length > 0 && key !== dismissedKey;
  const activeIndex = active && active.key === key ? Math.min(active.index, matches.length - 1) : 0;
  const optionId = (index: number) => `${listId}-option-${index}`;

  useListPlacement(isOpen, fieldRef, listRef);

  const readCaret = (field: HTMLTextAreaElement) =>
    setCaret(field.selectionStart === field.selectionEnd ? field.selectionStart : null);

  const choose = (person: DirectoryPerson) => {
    const field = fieldRef.current;
    if (!field || !query) return;
    const replacement = mentionReplacement(value, query, person.username);
    field.focus();
    field.setSelectionRange(query.start, query.end);
    // insertText keeps the change on the browser's undo stack (Ctrl+Z takes the mention back) and fires
    // the input event React turns into onChange. Where it is missing, setRangeText plus an input event does
    // the same without undo.
    const isInserted = typeof document.execCommand === 'function' && document.execCommand('insertText', false, replacement.text);
    if (!isInserted) {
      field.setRangeText(replacement.text, query.start, query.end, 'end');
      field.dispatchEvent(new Event('input', { bubbles: true }));
    }
    field.setSelectionRange(replacement.caretAfter, replacement.caretAfter);
    setCaret(replacement.caretAfter);
  };

  const handleKeyDown = (event: KeyboardEvent<HTMLTextAreaElement>) => {
    if (isOpen && key !== null && !event.nativeEvent.isComposing) {
      const isPlain = !event.altKey && !event.ctrlKey && !event.metaKey && !event.shiftKey;
      if (isPlain && (event.key === 'ArrowDown' || event.key === 'ArrowUp')) {
        event.preventDefault();
        const step = event.key === 'ArrowDown' ? 1 : -1;
        setActive({ key, index: (activeIndex + step + matches.length) % matches.length });
        return;
      }
      if (isPlain && (event.key === 'Enter' || event.key === 'Tab')) {
        event.preventDefault();
        choose(matches[activeIndex]!);
        return;
      }
      if (event.key === 'Escape') {
        // Only this list closes: not the dialog around the field (its cancel is Escape's default
        // action), nor the page's own Escape handlers.
        event.preventDefault();
        event.stopPropagation();
        setDismissedKey(key);
        return;
      }
    }
    onKeyDown?.(event);
  };

  const handleSelect = (event: SyntheticEvent<HTMLTextAreaElement>) => {
    readCaret(event.currentTarget);
    onSelect?.(event);
  };

  return (
    <>
      <textarea
        {...textareaProps}
        ref={fieldRef}
        value={value}
        aria-autocomplete="list"
        aria-controls={isOpen ? listId : undefined}
        aria-activedescendant={isOpen ? optionId(activeIndex) : undefined}
        onChange={(event) => {
          readCaret(event.currentTarget);
          onChange?.(event);
        }}
        onSelect={handleSelect}
        onKeyDown={handleKeyDown}
        onFocus={(event) => {
          setFocused(true);
          readCaret(event.currentTarget);
          onFocus?.(event);
        }}
        onBlur={(event) => {
          setFocused(false);
          onBlur?.(event);
        }}
      />
      {isOpen && (
        <ul ref={listRef} id={listId} role="listbox" aria-label="People to mention" className="mention-list">
          {matches.map((person, index) => (
            <li
              key={person.id}
              id={optionId(index)}
              role="option"
              aria-selected={index === activeIndex}
              className="mention-list__option"
              // Keeps focus (and the caret) in the field, so the click below knows where to insert.
              onMouseDown={(event) => event.preventDefault()}
              onClick={() => choose(person)}
            >
              <span className="mention-list__name">{person.name}</span>{' '}
              <span className="mention-list__username">@{person.username}</span>{' '}
              <span className="mention-list__role">{roleLabel(person.role)}</span>
            </li>
          ))}
        </ul>
      )}
      <span className="visually-hidden" role="status">
        {isOpen ? `${matches.length} ${matches.length === 1 ? 'person' : 'people'} to mention: arrow keys choose, Enter inserts.` : ''}
      </span>
    </>
  );
}

/**
 * Keeps the open list under the field, or above it where the window has no
 * room below. Fixed to the window rather than placed in the flow, so neither
 * the scrolling panel nor a dialog clips it or grows a scroll bar for it.
 */
function useListPlacement(
  isOpen: boolean,
  fieldRef: RefObject<HTMLTextAreaElement | null>,
  listRef: RefObject<HTMLUListElement | null>,
): void {
  useLayoutEffect(() => {
    const field = fieldRef.current;
    const list = listRef.current;
    if (!isOpen || !field || !list) return;
    const place = () => {
      const box = field.getBoundingClientRect();
      const height = list.offsetHeight;
      const below = box.bottom + LIST_GAP_PX;
      const above = box.top - LIST_GAP_PX - height;
      const top = below + height > window.innerHeight && above >= 0 ? above : below;
      // A field scrolled out of the window takes its list along rather than leaving it over the page.
      list.style.visibility = box.bottom < 0 || box.top > window.innerHeight ? 'hidden' : '';
      list.style.top = `${top}px`;
      list.style.left = `${box.left}px`;
      list.style.width = `${box.width}px`;
    };
    place();
    window.addEventListener('scroll', place, true);
    window.addEventListener('resize', place);
    const resizes = new ResizeObserver(place);
    resizes.observe(field);
    resizes.observe(list);
    return () => {
      window.removeEventListener('scroll', place, true);
      window.removeEventListener('resize', place);
      resizes.disconnect();
    };
  }, [isOpen, fieldRef, listRef]);
}
