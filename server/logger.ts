import { pino, type Logger } from 'pino';

export type { Logger };

/**
 * The one structured logger. Child loggers carry draft, connection and request
 * ids. Nothing that could hold a secret (cookies, authorization headers,
 * passwords, tokens) is ever logged: the redact list is the safety net.
 */
export function createLogger(level: string): Logger {
  return pino({
    level,
    base: undefined,
    redact: {
      paths: ['password', '*.password', 'token', '*.token', 'headers.cookie', 'headers.authorization'],
      censor: '[redacted]',
    },
  });
}
