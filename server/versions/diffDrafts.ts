import type { JSONContent } from '@tiptap/core';
import { DRAFT_SCHEMA } from '../drafts/draftSchema.ts';
import { canonicalJSON } from './canonicalContent.ts';

/**
 * Compare: a structural diff of two drafts' ProseMirror JSON, rendered as the
 * `to` document with the `from` document's removed text put back in place.
 * Inserted text carries a `diffInsert` mark, deleted text a `diffDelete`
 * mark; whole blocks inserted or deleted have every text so marked.
 *
 * Why a structural diff of the two documents and not Yjs snapshots with
 * y-prosemirror's change rendering: live drafts keep gc on (PITFALLS), so
 * deleted items are gone and snapshots of them cannot be rendered; versions
 * are independent full states. A diff of the resulting documents is correct
 * however the edits between them were interleaved (concurrent edits merge
 * first, then are compared as one result), and a restore, which writes new
 * items with the old words, compares as "no change" rather than as
 * everything deleted and re-typed.
 *
 * Blocks are matched by an LCS over their whole JSON; unmatched blocks of
 * the same type in the same gap are compared inside (text blocks word by
 * word, lists and quotes block by block). `changes` counts each maximal run
 * of inserted or deleted words, each unmatched block, and each block whose
 * attributes changed (a heading's level).
 */
export interface DraftDiff {
  diff: JSONContent;
  changes: number;
}

type Mark = NonNullable<JSONContent['marks']>[number];
const INSERT: Mark = { type: 'diffInsert' };
const DELETE: Mark = { type: 'diffDelete' };
/** Above this many cells an LCS is not attempted: the run is shown as deleted then inserted. */
const MAX_LCS_CELLS = 4_000_000;

export function diffDrafts(from: JSONContent, to: JSONContent): DraftDiff {
  const counter = { changes: 0 };
  const content = diffChildren(from.content ?? [], to.content ?? [], counter);
  return { diff: { type: 'doc', content }, changes: counter.changes };
}

interface Counter {
  changes: number;
}

type Op<T> = { op: 'equal'; a: T; b: T } | { op: 'delete'; a: T } | { op: 'insert'; b: T };

/** The edit script turning `a` into `b` by an LCS on keys; within a gap, deletes come before inserts. */
function lcsOps<T>(a: readonly T[], b: readonly T[], key: (item: T) => string): Op<T>[] {
  const ka = a.map(key);
  const kb = b.map(key);
  let start = 0;
  while (start < a.length && start < b.length && ka[start] === kb[start]) start++;
  let endA = a.length;
  let endB = b.length;
  while (endA > start && endB > start && ka[endA - 1] === kb[endB - 1]) {
    endA--;
    endB--;
  }
  const ops: Op<T>[] = [];
  for (let i = 0; i < start; i++) ops.push({ op: 'equal', a: a[i]!, b: b[i]! });
  const n = endA - start;
  const m = endB - start;
  if (n * m > MAX_LCS_CELLS) {
    for (let i = start; i < endA; i++) ops.push({ op: 'delete', a: a[i]! });
    for (let j = start; j < endB; j++) ops.push({ op: 'insert', b: b[j]! });
  } else {
    // table[i][j]: LCS length of a[start+i..endA) and b[start+j..endB).
    const width = m + 1;
    const table = new Uint32Array((n + 1) * width);
    for (let i = n - 1; i >= 0; i--) {
      for (let j = m - 1; j >= 0; j--) {
        table[i * width + j] =
          ka[start + i] === kb[start + j]
            ? table[(i + 1) * width + j + 1]! + 1
            : Math.max(table[(i + 1) * width + j]!, table[i * width + j + 1]!);
      }
    }
    let i = 0;
    let j = 0;
    const dels: Op<T>[] = [];
    const ins: Op<T>[] = [];
    const flush = () => {
      ops.push(...dels.splice(0), ...ins.splice(0));
    };
    while (i < n || j < m) {
      if (i < n && j < m && ka[start + i] === kb[start + j]) {
        flush();
        ops.push({ op: 'equal', a: a[start + i]!, b: b[start + j]! });
        i++;
        j++;
      } else if (j >= m || (i < n && table[(i + 1) * width + j]! >= table[i * width + j + 1]!)) {
        dels.push({ op: 'delete', a: a[start + i]! });
        i++;
      } else {
        ins.push({ op: 'insert', b: b[start + j]! });
        j++;
      }
    }
    flush();
  }
  for (let i = endA; i < a.length; i++) ops.push({ op: 'equal', a: a[i]!, b: b[endB + i - endA]! });
  return ops;
}

function diffChildren(from: readonly JSONContent[], to: readonly JSONContent[], counter: Counter): JSONContent[] {
  const ops = lcsOps(from, to, canonicalJSON);
  const out: JSONContent[] = [];
  let k = 0;
  while (k < ops.length) {
    const op = ops[k]!;
    if (op.op === 'equal') {
      out.push(op.b);
      k++;
      continue;
    }
    const deleted: JSONContent[] = [];
    const inserted: JSONContent[] = [];
    while (k < ops.length && ops[k]!.op !== 'equal') {
      const gap = ops[k]!;
      if (gap.op === 'delete') deleted.push(gap.a);
      else if (gap.op === 'insert') inserted.push(gap.b);
      k++;
    }
    // Pair blocks of the same type, in order, and compare inside them.
    let d = 0;
    for (const block of inserted) {
      const match = deleted.findIndex((candidate, index) => index >= d && candidate.type === block.type);
      if (match >= 0) {
        for (; d < match; d++) out.push(markAll(deleted[d]!, DELETE, counter));
        out.push(diffNode(deleted[match]!, block, counter));
        d = match + 1;
      } else {
        out.push(markAll(block, INSERT, counter));
      }
    }
    for (; d < deleted.length; d++) out.push(markAll(deleted[d]!, DELETE, counter));
  }
  return out;
}

function diffNode(from: JSONContent, to: JSONContent, counter: Counter): JSONContent {
  if (canonicalJSON(from.attrs ?? {}) !== canonicalJSON(to.attrs ?? {})) counter.changes++;
  const type = DRAFT_SCHEMA.nodes[to.type ?? ''];
  if (type?.isTextblock) return { ...to, content: diffInline(from.content ?? [], to.content ?? [], counter) };
  if (!to.content && !from.content) return to;
  return { ...to, content: diffChildren(from.content ?? [], to.content ?? [], counter) };
}

/** A whole block inserted or deleted: every text in it carries the mark; one change. */
function markAll(node: JSONContent, mark: Mark, counter: Counter): JSONContent {
  counter.changes++;
  return withMark(node, mark);
}

function withMark(node: JSONContent, mark: Mark): JSONContent {
  if (node.type === 'text' || node.type === 'hardBreak') return { ...node, marks: [...(node.marks ?? []), mark] };
  return node.content ? { ...node, content: node.content.map((child) => withMark(child, mark)) } : node;
}

interface Token {
  /** A word, a run of whitespace, or an inline non-text node. */
  node: JSONContent;
  key: string;
}

function tokenize(content: readonly JSONContent[]): Token[] {
  const tokens: Token[] = [];
  for (const node of content) {
    if (node.type !== 'text') {
      tokens.push({ node, key: canonicalJSON(node) });
      continue;
    }
    const marks = canonicalJSON(node.marks ?? []);
    for (const piece of (node.text ?? '').match(/\s+|[^\s]+/g) ?? []) {
      const text: JSONContent = node.marks ? { type: 'text', text: piece, marks: node.marks } : { type: 'text', text: piece };
      tokens.push({ node: text, key: `${piece}\u0000${marks}` });
    }
  }
  return tokens;
}

function diffInline(from: readonly JSONContent[], to: readonly JSONContent[], counter: Counter): JSONContent[] {
  const ops = lcsOps(tokenize(from), tokenize(to), (token) => token.key);
  const out: JSONContent[] = [];
  let inRun = false;
  for (const op of ops) {
    if (op.op === 'equal') {
      inRun = false;
      pushMerged(out, op.b.node);
      continue;
    }
    if (!inRun) counter.changes++;
    inRun = true;
    pushMerged(out, withMark(op.op === 'delete' ? op.a.node : op.b.node, op.op === 'delete' ? DELETE : INSERT));
  }
  return out;
}

/** Appends a node, joining it to the previous text node when their marks are the same. */
function pushMerged(out: JSONContent[], node: JSONContent): void {
  const last = out[out.length - 1];
  if (last?.type === 'text' && node.type === 'text' && canonicalJSON(last.marks ?? []) === canonicalJSON(node.marks ?? [])) {
    out[out.length - 1] = { ...last, text: `${last.text ?? ''}${node.text ?? ''}` };
    return;
  }
  out.push(node);
}
