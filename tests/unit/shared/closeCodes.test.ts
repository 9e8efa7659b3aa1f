import { describe, expect, it } from 'vitest';
import { CLOSE_CODES, isPermanentCloseCode } from '../../../shared/protocol/closeCodes.ts';

describe('isPermanentCloseCode', () => {
  it.each([
    ['malformedMessage', CLOSE_CODES.malformedMessage],
    ['unauthorized', CLOSE_CODES.unauthorized],
    ['forbidden', CLOSE_CODES.forbidden],
    ['draftNotFound', CLOSE_CODES.draftNotFound],
    ['messageTooLarge', CLOSE_CODES.messageTooLarge],
    ['invalidUpdate', CLOSE_CODES.invalidUpdate],
    ['the last 44xx code', 4499],
  ])('is true for %s (client must not reconnect)', (_name, code) => {
    expect(isPermanentCloseCode(code)).toBe(true);
  });

  it.each([
    ['goingAway', CLOSE_CODES.goingAway],
    ['storageFailed', CLOSE_CODES.storageFailed],
    ['draftUnavailable', CLOSE_CODES.draftUnavailable],
    ['tooSlow', CLOSE_CODES.tooSlow],
    ['normal closure', 1000],
    ['abnormal closure', 1006],
    ['the code just below the range', 4399],
  ])('is false for %s (client reconnects)', (_name, code) => {
    expect(isPermanentCloseCode(code)).toBe(false);
  });

  it('[CS3] [CS6] [CS10] gives refusals the client cannot cure permanent codes and server trouble transient ones', () => {
    expect(isPermanentCloseCode(CLOSE_CODES.invalidUpdate)).toBe(true);
    expect(isPermanentCloseCode(CLOSE_CODES.storageFailed)).toBe(false);
    expect(isPermanentCloseCode(CLOSE_CODES.draftUnavailable)).toBe(false);
  });

  it('has no two names for the same code', () => {
    const codes = Object.values(CLOSE_CODES);
    expect(new Set(codes).size).toBe(codes.length);
  });
});
