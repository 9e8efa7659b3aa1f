import type { CompareAnswer } from '../../api/versions.ts';

export interface ChangeCount {
  inserted: number;
  deleted: number;
  total: number;
}

/**
 * Inserted and deleted runs in a compare: the server's count when it gives
 * one, otherwise counted from the diff document (each maximal run of text
 * with a diffInsert or diffDelete mark, across adjacent text nodes, is one change).
 */
export function countChanges(answer: CompareAnswer): ChangeCount {
  const counted = countRuns(answer.diff);
  const changes = answer.changes;
  if (typeof changes === 'number') return { ...counted, total: changes };
  if (changes && !Array.isArray(changes) && typeof changes === 'object') {
    const inserted = typeof changes.inserted === 'number' ? changes.inserted : counted.inserted;
    const deleted = typeof changes.deleted === 'number' ? changes.deleted : counted.deleted;
    return { inserted, deleted, total: inserted + deleted };
  }
  if (Array.isArray(changes)) return { ...counted, total: changes.length };
  return counted;
}

interface JsonNode {
  type?: unknown;
  text?: unknown;
  marks?: unknown;
  content?: unknown;
}

export function countRuns(doc: unknown): ChangeCount {
  let inserted = 0;
  let deleted = 0;
  const walk = (node: JsonNode) => {
    if (!Array.isArray(node.content)) return;
    let previous: 'insert' | 'delete' | null = null;
    for (const child of node.content as JsonNode[]) {
      if (typeof child !== 'object' || child === null) continue;
      const kind = child.type === 'text' ? diffKind(child.marks) : null;
      if (kind && kind !== previous) {
        if (kind === 'insert') inserted++;
        else deleted++;
      }
      previous = kind;
      if (child.type !== 'text') walk(child);
    }
  };
  if (typeof doc === 'object' && doc !== null) walk(doc as JsonNode);
  return { inserted, deleted, total: inserted + deleted };
}

function diffKind(marks: unknown): 'insert' | 'delete' | null {
  if (!Array.isArray(marks)) return null;
  for (const mark of marks as { type?: unknown }[]) {
    if (mark?.type === 'diffInsert') return 'insert';
    if (mark?.type === 'diffDelete') return 'delete';
  }
  return null;
}
