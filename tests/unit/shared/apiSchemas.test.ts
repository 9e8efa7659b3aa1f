import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { z } from 'zod/mini';
import { commentBodySchema, patchFlagBodySchema } from '../../../shared/api/annotations.ts';
import { createAccountBodySchema, passwordSchema, usernameSchema } from '../../../shared/api/auth.ts';
import { createDraftBodySchema, patchDraftBodySchema, titleSchema } from '../../../shared/api/drafts.ts';
import { signOffBodySchema } from '../../../shared/api/versions.ts';
// Imported alone, with no other server module: the English messages must come with it.
import { describeIssues } from '../../../server/http/parseBody.ts';

/** What the server's 400 validation_failed says for `input`; null when it is accepted. */
function refusal(schema: z.ZodMiniType, input: unknown): string | null {
  const parsed = schema.safeParse(input);
  return parsed.success ? null : describeIssues(parsed.error);
}

describe('shared API schemas', () => {
  describe('trim, then measure', () => {
    it('refuses a title of spaces as empty', () => {
      expect(refusal(titleSchema, '   ')).toBe('a title cannot be empty');
      expect(refusal(patchDraftBodySchema, { title: ' \t ' })).toBe('title: a title cannot be empty');
    });

    it('keeps a padded title without its padding, measured without it', () => {
      expect(titleSchema.parse('  Title  ')).toBe('Title');
      expect(titleSchema.parse(` ${'x'.repeat(200)} `)).toBe('x'.repeat(200));
      expect(refusal(titleSchema, 'x'.repeat(201))).toBe('a title has at most 200 characters');
    });

    it('trims and lower-cases a username before checking its pattern', () => {
      expect(usernameSchema.parse('  Rita.Reporter ')).toBe('rita.reporter');
    });

    it('refuses a comment or a sign-off override of spaces, and defaults a missing note to empty', () => {
      expect(refusal(commentBodySchema, { text: '   ' })).toBe('text: a comment cannot be empty');
      expect(refusal(signOffBodySchema, { override: '  ' })).toBe('override: an override needs a reason');
      expect(signOffBodySchema.parse({ override: ' why ' })).toEqual({ note: '', override: 'why' });
    });
  });

  describe('request bodies are strict', () => {
    it('refuses a key the call does not know, naming it', () => {
      expect(refusal(createDraftBodySchema, { title: 'ok', extra: 1 })).toBe('Unrecognized key: "extra"');
      expect(createDraftBodySchema.parse({})).toEqual({});
    });

    it('refuses unknown keys inside nested objects too', () => {
      expect(refusal(patchFlagBodySchema, { claim: { verification: 'verified', note: 'x' } })).toBe('claim: Unrecognized key: "note"');
    });
  });

  describe('what the server says about bad input', () => {
    it("is zod's English wording where a schema gives none of its own", () => {
      expect(refusal(createAccountBodySchema, { username: 'rita', role: 'editor', password: 'long enough!', displayName: 'x'.repeat(61) })).toBe(
        'displayName: Too big: expected string to have <=60 characters',
      );
      expect(refusal(createAccountBodySchema, { username: 'rita', role: 'owner', password: 'long enough!' })).toBe(
        'role: Invalid option: expected one of "editor"|"legal"|"chief"|"admin"',
      );
      expect(refusal(patchDraftBodySchema, {})).toBe('title: Invalid input: expected string, received undefined');
      expect(refusal(patchFlagBodySchema, { dueAt: 'tomorrow' })).toBe('dueAt: Invalid ISO datetime');
    });
  });

  describe('in the browser, which loads no zod locale', () => {
    let serverLocale: z.core.$ZodConfig['localeError'];
    beforeAll(() => {
      serverLocale = z.config().localeError;
      z.config({ localeError: undefined });
    });
    afterAll(() => {
      z.config({ localeError: serverLocale });
    });

    it('still words what the account form shows about a password', () => {
      expect(passwordSchema.safeParse('short').error?.issues[0]?.message).toBe('a password has at least 10 characters');
      expect(passwordSchema.safeParse('p'.repeat(201)).error?.issues[0]?.message).toBe('a password has at most 200 characters');
    });
  });
});
