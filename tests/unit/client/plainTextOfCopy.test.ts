import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { plainTextOfCopy } from '../../../client/editor/collab/plainTextOfCopy.ts';

const element = (name: string, children: Array<Y.XmlElement | Y.XmlText>) => {
  const node = new Y.XmlElement(name);
  node.insert(0, children);
  return node;
};

describe('the copy as plain text', () => {
  it('gives one paragraph per block, in order, lists included, formatting dropped', () => {
    const doc = new Y.Doc();
    const body = doc.getXmlFragment('body');
    const lede = new Y.XmlText();
    body.insert(0, [
      element('headline', [new Y.XmlText('Ferry strike ends')]),
      element('paragraph', [lede]),
      element('bulletList', [element('listItem', [element('paragraph', [new Y.XmlText('Crews return at six.')])])]),
      element('paragraph', []),
    ]);
    lede.insert(0, 'Talks ended at ');
    lede.insert(lede.length, 'midnight', { bold: {} });
    lede.insert(lede.length, '.');

    expect(plainTextOfCopy(body)).toBe('Ferry strike ends\n\nTalks ended at midnight.\n\nCrews return at six.');
  });
});
