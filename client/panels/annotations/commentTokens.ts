import { isSafeUrl } from '../../../shared/schema/safeUrl.ts';

/** A piece of a comment: plain text, an http(s) link, or an @mention. Never markup. */
export type CommentToken =
  | { type: 'text'; text: string }
  | { type: 'link'; text: string; href: string }
  | { type: 'mention'; text: string; username: string };

// The same shape of @mention as the server's (a username of 2–32 of [a-z0-9._-], not inside a word or an address).
const PATTERN = /(https?:\/\/[^\s<>"'`]+)|(^|[^\w@.])@([a-z0-9._-]{2,32})/gi;
const TRAILING_PUNCTUATION = /[.,;:!?)\]}'"’”]+$/;

/**
 * Splits plain comment text into text, links and mentions. Only absolute
 * http(s) addresses that pass isSafeUrl become links (a `javascript:` or
 * `data:` address stays text); trailing sentence punctuation is left out of
 * a link, and a trailing full stop out of a username.
 */
export function tokenizeComment(text: string): CommentToken[] {
  const tokens: CommentToken[] = [];
  let plain = '';
  let last = 0;
  const flush = () => {
    if (plain) tokens.push({ type: 'text', text: plain });
    plain = '';
  };
  for (const match of text.matchAll(PATTERN)) {
    const index = match.index;
    plain += text.slice(last, index);
    if (match[1]) {
      const url = match[1].replace(TRAILING_PUNCTUATION, '');
      const rest = match[1].slice(url.length);
      if (isHttpUrl(url)) {
        flush();
        tokens.push({ type: 'link', text: url, href: url });
        plain += rest;
      } else {
        plain += match[1];
      }
    } else {
      const lead = match[2] ?? '';
      const username = match[3]!.replace(/\.+$/, '');
      const dots = match[3]!.slice(username.length);
      plain += lead;
      if (username.length >= 2) {
        flush();
        tokens.push({ type: 'mention', text: `@${username}`, username: username.toLowerCase() });
        plain += dots;
      } else {
        plain += `@${match[3]}`;
      }
    }
    last = index + match[0].length;
  }
  plain += text.slice(last);
  flush();
  return tokens;
}

function isHttpUrl(url: string): boolean {
  if (!isSafeUrl(url)) return false;
  try {
    const parsed = new URL(url);
    return parsed.protocol === 'http:' || parsed.protocol === 'https:';
  } catch {
    return false;
  }
}
