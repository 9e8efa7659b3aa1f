/**
 * Elements that are never copy. Most would be dropped by the schema anyway;
 * removing them first keeps their text (a script body, a form's labels) out
 * of the draft and keeps a headline from being picked inside them.
 */
const NON_CONTENT =
  'script, style, template, noscript, iframe, frame, frameset, object, embed, applet, svg, math, ' +
  'canvas, audio, video, picture, source, track, map, link, meta, base, title, ' +
  'input, select, textarea, button';

// The schema's own parse rules for the headline (nodes.ts), so that a draft exported as HTML
// comes back with the same headline.
const HEADLINE = 'h1, header[data-type="headline"]';
const STANDFIRST = 'p[data-type="standfirst"]';

// Inside a headline or standfirst these would be parsed as blocks the slot cannot hold, and
// ProseMirror drops such a block with its text; they also separate words, so they are
// unwrapped with a space either side. Other elements are left to the schema's rules.
const BLOCKS = new Set([
  'address', 'article', 'aside', 'blockquote', 'caption', 'dd', 'details', 'dialog', 'div', 'dl',
  'dt', 'fieldset', 'figcaption', 'figure', 'footer', 'form', 'h1', 'h2', 'h3', 'h4', 'h5', 'h6',
  'header', 'hgroup', 'hr', 'li', 'main', 'nav', 'ol', 'p', 'pre', 'section', 'summary', 'table',
  'tbody', 'td', 'tfoot', 'th', 'thead', 'tr', 'ul',
]);

export interface DraftParts {
  /** The source's first headline element, detached; `null` when it has none. */
  headline: Element | null;
  /** The source's first marked standfirst, detached; `null` when it marks none. */
  standfirst: Element | null;
  /** Everything else, in source order. */
  body: HTMLElement;
}

/**
 * Splits a parsed document into the draft's three slots, rewriting it in place.
 *
 * The first headline element wherever it sits becomes the headline; later ones
 * become `<h2>` subheads (the schema has no level-1 heading in the body). The
 * first marked standfirst is taken the same way; later ones become plain
 * paragraphs. h5/h6 become h4, the smallest heading the schema has, and each
 * table row becomes a paragraph of its cells (the schema has no tables). Without
 * these rewrites ProseMirror would either pour leading body copy into the
 * headline (it fills required nodes greedily) or silently drop a second h1.
 */
export function splitDraftParts(document: Document): DraftParts {
  const body = document.body;
  for (const element of Array.from(document.querySelectorAll(NON_CONTENT))) element.remove();

  const headline = body.querySelector(HEADLINE);
  headline?.remove();
  for (const extra of Array.from(body.querySelectorAll(HEADLINE))) renameElement(extra, 'h2');

  const standfirst = body.querySelector(STANDFIRST);
  standfirst?.remove();
  for (const extra of Array.from(body.querySelectorAll(STANDFIRST))) extra.removeAttribute('data-type');

  for (const deep of Array.from(body.querySelectorAll('h5, h6'))) renameElement(deep, 'h4');
  for (const row of Array.from(body.querySelectorAll('tr'))) rowToParagraph(row);

  if (headline) flattenToInline(headline, { keepLineBreaks: false });
  if (standfirst) flattenToInline(standfirst, { keepLineBreaks: true });
  return { headline, standfirst, body };
}

function renameElement(element: Element, tagName: string): void {
  const renamed = element.ownerDocument.createElement(tagName);
  renamed.append(...Array.from(element.childNodes));
  element.replaceWith(renamed);
}

// ProseMirror does not treat cells as blocks, so without this a row's cells run together
// into one word ("ab" from <td>a</td><td>b</td>).
function rowToParagraph(row: Element): void {
  const paragraph = row.ownerDocument.createElement('p');
  for (const cell of Array.from(row.children)) {
    if (paragraph.hasChildNodes()) paragraph.append(' ');
    paragraph.append(...Array.from(cell.childNodes));
  }
  row.replaceWith(paragraph);
}

/** Unwraps block descendants, keeping their text with a space either side. */
function flattenToInline(root: Element, options: { keepLineBreaks: boolean }): void {
  for (const element of Array.from(root.querySelectorAll('*'))) {
    const tag = element.tagName.toLowerCase();
    if (BLOCKS.has(tag)) element.replaceWith(' ', ...Array.from(element.childNodes), ' ');
    else if (tag === 'br' && !options.keepLineBreaks) element.replaceWith(' ');
  }
}
