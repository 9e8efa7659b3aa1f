import { Fragment } from 'react';
import { tokenizeComment } from './commentTokens.ts';

/**
 * A comment's text as React text nodes: http(s) links become links (opening
 * in a new tab, no referrer, no opener), @mentions are marked; anything else,
 * markup included, is shown exactly as typed. Never dangerouslySetInnerHTML.
 */
export function CommentText({ text }: { text: string }) {
  return (
    <p className="comment__text">
      {tokenizeComment(text).map((token, index) => {
        switch (token.type) {
          case 'text':
            return <Fragment key={index}>{token.text}</Fragment>;
          case 'link':
            return (
              <a key={index} href={token.href} target="_blank" rel="noopener noreferrer nofollow">
                {token.text}
              </a>
            );
          case 'mention':
            return (
              <span key={index} className="mention">
                {token.text}
              </span>
            );
        }
      })}
    </p>
  );
}
