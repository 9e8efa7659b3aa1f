import type { Node as PMNode } from '@tiptap/pm/model';
import { countWords } from '../../shared/text/wordCount.ts';

export interface WordCounts {
  headline: number;
  standfirst: number;
  /** Words in the body blocks (everything after the standfirst). */
  body: number;
}

/**
 * Words per top-level block. Nodes are immutable and an edit shares every
 * untouched block with the document before it, so on a long draft a
 * keystroke recounts one block rather than the whole copy.
 */
const blockWords = new WeakMap<PMNode, number>();

function wordsOf(block: PMNode): number {
  let words = blockWords.get(block);
  if (words === undefined) {
    words = countWords(block.textBetween(0, block.content.size, '\n', ' '));
    blockWords.set(block, words);
  }
  return words;
}

/** Counts words per part of a draft document; an empty or partial document counts 0 for the missing parts. */
export function countDraftWords(doc: PMNode): WordCounts {
  const counts: WordCounts = { headline: 0, standfirst: 0, body: 0 };
  doc.forEach((child, _offset, index) => {
    const words = wordsOf(child);
    if (index === 0 && child.type.name === 'headline') counts.headline = words;
    else if (index === 1 && child.type.name === 'standfirst') counts.standfirst = words;
    else counts.body += words;
  });
  return counts;
}
