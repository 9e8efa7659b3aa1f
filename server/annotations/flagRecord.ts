import * as Y from 'yjs';
import type { Comment, Flag, FlagEvent } from '../../shared/annotations/types.ts';
import { ROOT_TYPES } from '../../shared/schema/rootTypes.ts';

/**
 * How a flag lives in the draft, read side. The `annotations` root type maps
 * flag id -> Y.Map; each field of `Flag` is one key (scalars and plain
 * objects as values, an optional field absent when unset), except `comments`
 * and `events`, which are Y.Arrays of plain objects. A comment is edited by
 * replacing its element. Clients read this shape live; only flagWrites.ts
 * writes it.
 */
export type FlagMap = Y.Map<unknown>;

export const annotationsOf = (doc: Y.Doc): Y.Map<FlagMap> => doc.getMap<FlagMap>(ROOT_TYPES.annotations);

/** The stored flag with this id; undefined when there is none. */
export function findFlagMap(doc: Y.Doc, flagId: string): FlagMap | undefined {
  const map = annotationsOf(doc).get(flagId);
  return map instanceof Y.Map ? map : undefined;
}

export const commentsOf = (map: FlagMap): Y.Array<Comment> => map.get('comments') as Y.Array<Comment>;
export const eventsOf = (map: FlagMap): Y.Array<FlagEvent> => map.get('events') as Y.Array<FlagEvent>;

/** A plain copy of a stored flag, safe to change or send. */
export function readFlag(map: FlagMap): Flag {
  const plain: Record<string, unknown> = {};
  for (const [key, value] of map.entries()) {
    plain[key] = value instanceof Y.Array ? value.toJSON() : structuredClone(value);
  }
  plain.comments ??= [];
  plain.events ??= [];
  return plain as unknown as Flag;
}

/** Every flag of a draft, in no particular order. */
export function readFlags(doc: Y.Doc): Flag[] {
  const flags: Flag[] = [];
  for (const map of annotationsOf(doc).values()) {
    if (map instanceof Y.Map) flags.push(readFlag(map));
  }
  return flags;
}
