import * as Y from 'yjs';
import { encodeAnchor } from '../../shared/annotations/anchors.ts';
import { FLAG_KIND_NAMES, type FlagKind } from '../../shared/annotations/kinds.ts';
import { draftAnswerSchema } from '../../shared/api/drafts.ts';
import { bodyOf } from './collabClient.ts';

/**
 * A long draft, for the editor benchmark and the long-draft e2e test: the
 * sample's headline, then its paragraphs over and over until the copy holds
 * `minWords` words. Pure.
 */
export function buildLongDraft(sample: string, minWords: number): { markdown: string; words: number; lastWords: string } {
  const blocks = sample.split(/\n\s*\n/).map((block) => block.trim()).filter(Boolean);
  const headline = blocks.find((block) => block.startsWith('# '));
  const paragraphs = blocks.filter((block) => block !== headline);
  if (!headline || paragraphs.length === 0) throw new Error('the sample needs a "# " headline and paragraphs');
  const countWords = (text: string) => text.split(/\s+/).filter(Boolean).length;
  const out = [headline];
  let words = countWords(headline.slice(2));
  for (let i = 0; words < minWords; i++) {
    const paragraph = paragraphs[i % paragraphs.length]!;
    out.push(paragraph);
    words += countWords(paragraph);
  }
  const last = out[out.length - 1]!.split(/\s+/);
  return { markdown: out.join('\n\n') + '\n', words, lastWords: last.slice(-4).join(' ') };
}

/** Imports Markdown as a new draft through the REST API (the server's own importer); resolves to its id. */
export async function importMarkdown(baseUrl: string, token: string, markdown: string, title: string): Promise<string> {
  const res = await fetch(`${baseUrl}/api/docs/import`, {
    method: 'POST',
    headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
    body: JSON.stringify({ content: markdown, format: 'markdown', title }),
  });
  if (res.status !== 201) throw new Error(`import failed: ${res.status} ${await res.text()}`);
  return draftAnswerSchema.parse(await res.json()).draft.id;
}

export interface FlagSpec {
  kind: FlagKind;
  start: string;
  end: string;
}

/** The plain text of a Y.XmlText (formatting dropped; embeds count one position, as Yjs counts them). */
function plainText(text: Y.XmlText): string {
  return (text.toDelta() as Array<{ insert: unknown }>)
    .map((op) => (typeof op.insert === 'string' ? op.insert : '\u{FFFC}'))
    .join('');
}

/**
 * `count` flags spread evenly over the body's paragraphs, each on one to
 * three words, kinds in turn; every fifth one also covers the next flag's
 * first word, so some flags nest and overlap as they do on a busy draft.
 * Anchors are made the way the client makes them (relative positions into
 * `body`, the end sticking to the last flagged character).
 */
export function spreadFlags(doc: Y.Doc, count: number): FlagSpec[] {
  const words: Array<{ text: Y.XmlText; from: number; to: number }> = [];
  for (const block of bodyOf(doc).toArray()) {
    if (!(block instanceof Y.XmlElement) || block.nodeName !== 'paragraph') continue;
    for (const child of block.toArray()) {
      if (!(child instanceof Y.XmlText)) continue;
      for (const match of plainText(child).matchAll(/[\p{L}\p{N}][\p{L}\p{N}’'-]*/gu)) {
        words.push({ text: child, from: match.index, to: match.index + match[0].length });
      }
    }
  }
  const stride = Math.floor(words.length / count);
  if (stride < 4) throw new Error(`${words.length} words are too few for ${count} flags`);
  const flags: FlagSpec[] = [];
  for (let i = 0; i < count; i++) {
    const first = words[i * stride]!;
    const span = (i % 5 === 4 ? stride + 1 : 1 + (i % 3));
    let last = first;
    for (let j = 1; j < span; j++) {
      const next = words[i * stride + j];
      if (!next || next.text !== first.text) break;
      last = next;
    }
    flags.push({
      kind: FLAG_KIND_NAMES[i % FLAG_KIND_NAMES.length]!,
      start: encodeAnchor(Y.createRelativePositionFromTypeIndex(first.text, first.from)),
      end: encodeAnchor(Y.createRelativePositionFromTypeIndex(first.text, last.to, -1)),
    });
  }
  return flags;
}

/** Creates the flags through the REST API, `concurrency` requests at a time; throws on the first refusal. */
export async function createFlags(baseUrl: string, token: string, draftId: string, flags: FlagSpec[], concurrency = 4): Promise<void> {
  let next = 0;
  const worker = async () => {
    while (next < flags.length) {
      const index = next++;
      const res = await fetch(`${baseUrl}/api/docs/${draftId}/annotations`, {
        method: 'POST',
        headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
        body: JSON.stringify({ ...flags[index], comment: `Bench flag ${index + 1}: check this.` }),
      });
      if (res.status !== 201) throw new Error(`flag ${index + 1} refused: ${res.status} ${await res.text()}`);
    }
  };
  await Promise.all(Array.from({ length: concurrency }, worker));
}
