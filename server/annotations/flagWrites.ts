import * as Y from 'yjs';
import type { Comment, Flag, FlagEvent } from '../../shared/annotations/types.ts';
import { annotationsOf, commentsOf, eventsOf, type FlagMap } from './flagRecord.ts';

/**
 * The write side of the stored flag shape (see flagRecord.ts). Called only by
 * commands, inside `room.writeAsServer`, after every check has passed: a
 * command that throws midway would leave half a change in the draft.
 */
export function insertFlag(doc: Y.Doc, flag: Flag): void {
  const map: FlagMap = new Y.Map();
  const { comments, events, ...fields } = flag;
  for (const [key, value] of Object.entries(fields)) {
    if (value !== undefined) map.set(key, value);
  }
  map.set('comments', Y.Array.from(comments));
  map.set('events', Y.Array.from(events));
  annotationsOf(doc).set(flag.id, map);
}

type ScalarFields = Omit<Flag, 'id' | 'comments' | 'events'>;

/** Sets the given fields; a field given as undefined is removed. */
export function setFlagFields(map: FlagMap, fields: Partial<ScalarFields>): void {
  for (const [key, value] of Object.entries(fields)) {
    if (value === undefined) map.delete(key);
    else map.set(key, value);
  }
}

export function appendComment(map: FlagMap, comment: Comment): void {
  commentsOf(map).push([comment]);
}

/** Replaces the comment at `index` in place, so it keeps its place in the thread. */
export function replaceComment(map: FlagMap, index: number, comment: Comment): void {
  const comments = commentsOf(map);
  comments.delete(index, 1);
  comments.insert(index, [comment]);
}

export function appendEvent(map: FlagMap, event: FlagEvent): void {
  eventsOf(map).push([event]);
}
