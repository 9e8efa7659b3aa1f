import { describe, expect, it } from 'vitest';
import { countWords } from '../../../shared/text/wordCount.ts';

describe('countWords', () => {
  it.each<[string, string, number]>([
    ['empty text', '', 0],
    ['whitespace only', '  \n\t \u00a0 ', 0],
    ['punctuation only', '-- ... \u2014 !?', 0],
    ['one word', 'Council', 1],
    ['words separated by any whitespace', 'Council\tvotes\ntonight  again', 4],
    ['a straight apostrophe inside a word', "don't stop", 2],
    ['a curly apostrophe inside a word', 'don\u2019t stop', 2],
    ['a possessive', "the mayor's office", 3],
    ['a hyphenated compound', 'a 24-hour strike', 3],
    ['a multiply hyphenated compound', 'mother-in-law', 1],
    ['curly quotes around words', '\u201cHello,\u201d she said.', 3],
    ['straight quotes around words', '"Hello," she said.', 3],
    ['a leading or trailing hyphen', '-foo bar-', 2],
    ['a dash between words (not a hyphen)', 'word\u2014word', 2],
    ['spaced hyphen between words', 'yes - no', 2],
    ['numbers', 'Turnout was 62 per cent in 2024', 7],
    ['Cyrillic', '\u041f\u0440\u0438\u0432\u0435\u0442, \u043c\u0438\u0440', 2],
    ['Greek', '\u0395\u03bb\u03bb\u03b7\u03bd\u03b9\u03ba\u03ac \u03ba\u03b5\u03af\u03bc\u03b5\u03bd\u03b1', 2],
    ['Arabic without vowel marks', '\u0645\u0631\u062d\u0628\u0627 \u0628\u0627\u0644\u0639\u0627\u0644\u0645', 2],
    ['a precomposed accent', 'caf\u00e9 au lait', 3],
  ])('counts %s', (_name, text, expected) => {
    expect(countWords(text)).toBe(expected);
  });

  // KNOWN BUG W1: the word pattern has no \p{M}, so a combining mark ends a word.
  // Hindi, Arabic with vowel marks, Thai and decomposed (NFD) Latin text are
  // over-counted. Fix: allow marks after the first letter, e.g.
  // /[\p{L}\p{N}][\p{L}\p{M}\p{N}]*(?:['’\-][\p{L}\p{M}\p{N}]+)*/gu
  it.each<[string, string, number]>([
    ['Hindi (Devanagari vowel signs and virama)', '\u0928\u092e\u0938\u094d\u0924\u0947 \u0926\u0941\u0928\u093f\u092f\u093e', 2],
    ['Arabic with vowel marks', '\u0645\u064e\u0631\u0652\u062d\u064e\u0628\u064b\u0627', 1],
    ['decomposed Latin (NFD)', 'nai\u0308ve', 1],
  ])('counts %s as whole words', (_name, text, expected) => {
    expect(countWords(text)).toBe(expected);
  });
});
