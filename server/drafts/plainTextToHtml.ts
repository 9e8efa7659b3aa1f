import { escapeHtml } from './escapeHtml.ts';

/** Longer than this, a first line reads as a lede, not a headline. */
export const MAX_PLAIN_TEXT_HEADLINE_CHARS = 120;

// Sentence punctuation at the end (before any closing quote or bracket) marks a sentence;
// headlines in wire style do not end with a full stop, comma or colon.
const ENDS_LIKE_A_SENTENCE = /[.,;:]["'”’)\]]*$/;

/**
 * Plain text as HTML: paragraphs are separated by blank lines, a single newline
 * inside a paragraph becomes `<br>`, and every character is escaped.
 *
 * The first paragraph becomes the headline (`<h1>`) when it is a single line of
 * at most MAX_PLAIN_TEXT_HEADLINE_CHARS characters, does not end like a sentence
 * (`.` `,` `;` `:`), and more copy follows it. Otherwise there is no headline and
 * everything is body. Returns '' for text with no paragraphs.
 */
export function plainTextToHtml(text: string): string {
  const paragraphs = text
    .split(/\n[ \t]*\n/)
    .map((paragraph) => paragraph.split('\n').map((line) => line.trim()).filter((line) => line !== ''))
    .filter((lines) => lines.length > 0);

  const first = paragraphs[0];
  const html: string[] = [];
  if (first && paragraphs.length > 1 && isHeadlineLike(first)) {
    html.push(`<h1>${escapeHtml(first[0]!)}</h1>`);
    paragraphs.shift();
  }
  for (const lines of paragraphs) html.push(`<p>${lines.map(escapeHtml).join('<br>')}</p>`);
  return html.join('\n');
}

function isHeadlineLike(lines: string[]): boolean {
  const line = lines[0]!;
  return lines.length === 1 && line.length <= MAX_PLAIN_TEXT_HEADLINE_CHARS && !ENDS_LIKE_A_SENTENCE.test(line);
}
