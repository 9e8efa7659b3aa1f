import { Schema } from '@tiptap/pm/model';
import { describe, expect, it } from 'vitest';
import { countDraftWords } from '../../../client/editor/wordCounts.ts';

const schema = new Schema({
  nodes: {
    doc: { content: 'headline standfirst paragraph+' },
    headline: { content: 'text*' },
    standfirst: { content: 'text*' },
    paragraph: { content: 'text*' },
    text: {},
  },
});
const block = (type: string, text: string) => schema.node(type, null, text ? [schema.text(text)] : []);

describe('countDraftWords', () => {
  it('counts each part, and a block again once it is edited (untouched blocks are shared between versions)', () => {
    const headline = block('headline', 'Talks end without breakthrough');
    const standfirst = block('standfirst', 'A 24-hour pledge meets resistance');
    const first = block('paragraph', 'Officials said the talks would resume.');
    const doc = schema.node('doc', null, [headline, standfirst, first, block('paragraph', 'No date was set.')]);
    expect(countDraftWords(doc)).toEqual({ headline: 4, standfirst: 5, body: 10 });
    const typed = schema.node('doc', null, [headline, standfirst, first, block('paragraph', 'No date was set, aides said.')]);
    expect(countDraftWords(typed)).toEqual({ headline: 4, standfirst: 5, body: 12 });
    expect(countDraftWords(doc)).toEqual({ headline: 4, standfirst: 5, body: 10 });
  });
});
