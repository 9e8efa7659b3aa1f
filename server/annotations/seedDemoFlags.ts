import * as Y from 'yjs';
import { encodeAnchor } from '../../shared/annotations/anchors.ts';
import { FLAG_KINDS, type FlagKind } from '../../shared/annotations/kinds.ts';
import type { PatchFlagBody } from '../../shared/api/annotations.ts';
import { ROOT_TYPES } from '../../shared/schema/rootTypes.ts';
import type { Principal } from '../auth/principal.ts';
import type { AccountRecord } from '../storage/AccountStore.ts';
import { onDraft, type AnnotationDeps } from './annotationDeps.ts';
import { createFlag } from './createFlag.ts';
import { addComment } from './flagComments.ts';
import { patchFlag } from './patchFlag.ts';

/** The demo accounts whose names the demo's flags go out under. */
interface DemoFlaggers {
  editor: AccountRecord;
  legal: AccountRecord;
  chief: AccountRecord;
}

type Who = keyof DemoFlaggers;

interface DemoFlag {
  by: Who;
  kind: FlagKind;
  /** Words of the demo story, found in one paragraph. */
  phrase: string;
  comment: string;
  then?: Array<{ by: Who; patch: (people: DemoFlaggers) => PatchFlagBody } | { by: Who; reply: string }>;
}

/**
 * What a desk would have raised on the demo story by the time a newcomer
 * opens it: one flag of each kind, a claim already checked, a source-needed
 * flag handed to the reporter, and legal's question with the reporter's
 * answer. It shows the side panel, the inbox and the activity log at work.
 */
const DEMO_FLAGS: DemoFlag[] = [
  {
    by: 'editor',
    kind: FLAG_KINDS.claim,
    phrase: 'raises council tax by 3.9 per cent',
    comment: 'Check against the budget resolution as passed, not the press release: amendments on the night may have moved it.',
  },
  {
    by: 'editor',
    kind: FLAG_KINDS.claim,
    phrase: 'moves £640,000 from the highways reserve',
    comment: 'Figure from the amendment as tabled; confirm it was carried unchanged.',
    then: [
      {
        by: 'editor',
        patch: () => ({ claim: { verification: 'verified', evidence: 'Amendment 3 as carried, minutes item 7: £640,000.' } }),
      },
    ],
  },
  {
    by: 'chief',
    kind: FLAG_KINDS.sourceNeeded,
    phrase: 'Opposition councillors called the move short-sighted',
    comment: 'Which councillors? Name one, or quote the group’s statement.',
    then: [{ by: 'chief', patch: (people) => ({ assigneeId: people.editor.id }) }],
  },
  {
    by: 'legal',
    kind: FLAG_KINDS.legalRisk,
    phrase: 'accused the council’s highways contractor, Dalby Surfacing, of billing twice for the same repairs on Quarry Lane',
    comment:
      'A named firm accused of overcharging. A fair report of the meeting is privileged, but only for what was said in it: is this in the minutes? If not, cut the name. @editor',
    then: [
      { by: 'legal', patch: () => ({ legal: { category: 'defamation', severity: 'high' } }) },
      { by: 'editor', reply: 'It was put during public questions, so it should be minuted. I have asked the clerk for the draft minutes.' },
    ],
  },
];

/**
 * Raises the demo flags on the demo draft through the same commands people
 * use, so each is stored, logged and notified like any other. Called once,
 * on the first start that created both the demo draft and the demo accounts;
 * `actingAs` is how the server acts in an account's name (the caller's to
 * decide). Resolves false, having done nothing, when a demo account it needs
 * is missing.
 */
export async function seedDemoFlags(
  deps: AnnotationDeps,
  draftId: string,
  actingAs: (account: AccountRecord) => Principal,
): Promise<boolean> {
  const [editor, legal, chief] = await Promise.all(
    (['editor', 'legal', 'chief'] as const).map((username) => deps.accounts.findAccountByUsername(username)),
  );
  if (!editor || !legal || !chief) return false;
  const people: DemoFlaggers = { editor, legal, chief };
  const principals: Record<Who, Principal> = {
    editor: actingAs(people.editor),
    legal: actingAs(people.legal),
    chief: actingAs(people.chief),
  };
  for (const demo of DEMO_FLAGS) {
    const anchors = await onDraft(deps, draftId, async (room) => anchorsAround(room.doc, demo.phrase));
    const flag = await createFlag(deps, { draftId, principal: principals[demo.by], kind: demo.kind, comment: demo.comment, ...anchors });
    for (const step of demo.then ?? []) {
      const input = { draftId, flagId: flag.id, principal: principals[step.by] };
      if ('reply' in step) await addComment(deps, { ...input, text: step.reply });
      else await patchFlag(deps, { ...input, patch: step.patch(people) });
    }
  }
  return true;
}

/**
 * Anchors around the first place `phrase` stands whole in one text of the
 * body: the start sticks to its first character, the end to its last, as the
 * editor makes them.
 */
function anchorsAround(doc: Y.Doc, phrase: string): { start: string; end: string } {
  const found = findPhrase(doc.getXmlFragment(ROOT_TYPES.body), phrase);
  if (!found) throw new Error(`the demo story has no "${phrase}"`);
  return {
    start: encodeAnchor(Y.createRelativePositionFromTypeIndex(found.text, found.index)),
    end: encodeAnchor(Y.createRelativePositionFromTypeIndex(found.text, found.index + phrase.length, -1)),
  };
}

function findPhrase(parent: Y.XmlFragment | Y.XmlElement, phrase: string): { text: Y.XmlText; index: number } | undefined {
  for (const child of parent.toArray()) {
    if (child instanceof Y.XmlText) {
      // Formatting splits a text into runs; an embed counts as one position.
      const plain = (child.toDelta() as Array<{ insert: unknown }>)
        .map(({ insert }) => (typeof insert === 'string' ? insert : '\uFFFC'))
        .join('');
      const index = plain.indexOf(phrase);
      if (index >= 0) return { text: child, index };
    } else if (child instanceof Y.XmlElement) {
      const found = findPhrase(child, phrase);
      if (found) return found;
    }
  }
  return undefined;
}
