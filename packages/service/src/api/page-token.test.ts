import { describe, expect, it } from 'vitest';
import { decodePageToken, encodePageToken, PAGE_TOKEN_LIFETIME_MS } from './page-token.js';

describe('page tokens', () => {
  const now = 1_700_000_000_000;

  it('round-trips a cursor for the same listing', () => {
    const token = encodePageToken('arn:aws:states:us-east-1:123456789012:stateMachine:M', 'ListStateMachines', now);
    expect(token).toBeTypeOf('string');
    expect(token!.length).toBeLessThanOrEqual(1024);
    expect(decodePageToken(token, 'ListStateMachines', now + 1000)).toBe(
      'arn:aws:states:us-east-1:123456789012:stateMachine:M',
    );
  });

  it('has no token on the last page and no cursor without a token', () => {
    expect(encodePageToken(undefined, 'ListStateMachines', now)).toBeUndefined();
    expect(decodePageToken(undefined, 'ListStateMachines', now)).toBeUndefined();
  });

  it('refuses foreign, mismatched and expired tokens with InvalidToken', () => {
    const token = encodePageToken('c', 'ListActivities', now);
    for (const [text, scope, at] of [
      ['garbage', 'ListActivities', now],
      [Buffer.from('{"c":1}').toString('base64url'), 'ListActivities', now],
      [token, 'ListStateMachines', now],
      [token, 'ListActivities', now + PAGE_TOKEN_LIFETIME_MS + 1],
    ] as const) {
      expect(() => decodePageToken(text, scope, at)).toThrow(
        expect.objectContaining({ code: 'InvalidToken', message: "Invalid Token: 'Invalid token'" }),
      );
    }
  });
});
