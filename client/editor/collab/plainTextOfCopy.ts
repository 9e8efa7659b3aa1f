import * as Y from 'yjs';

/**
 * The copy as plain text: one paragraph per text block, blocks separated by a
 * blank line, formatting dropped. For handing someone their own words when
 * the live copy cannot take them (the draft was locked while they edited).
 */
export function plainTextOfCopy(body: Y.XmlFragment): string {
  const blocks: string[] = [];
  const collect = (node: Y.XmlElement | Y.XmlFragment) => {
    const texts = node.toArray().filter((child): child is Y.XmlText => child instanceof Y.XmlText);
    if (texts.length > 0) {
      const text = texts.map(textOf).join('').trim();
      if (text) blocks.push(text);
    }
    for (const child of node.toArray()) if (child instanceof Y.XmlElement) collect(child);
  };
  collect(body);
  return blocks.join('\n\n');
}

function textOf(text: Y.XmlText): string {
  return (text.toDelta() as Array<{ insert?: unknown }>).map((op) => (typeof op.insert === 'string' ? op.insert : '')).join('');
}
