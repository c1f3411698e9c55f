/** What providers share (src/providers/provider.ts): the note on a source out of reach. */
import { describe, expect, it } from 'vitest';
import { SourceUnavailableError } from '../../src/errors.js';
import { unavailableWhy } from '../../src/providers/provider.js';

describe('unavailableWhy', () => {
  it("quotes the error's reason, not its advice", () => {
    const err = new SourceUnavailableError('cannot reach Yahoo Finance (ENOTFOUND)', { advice: 'use --offline for cached data' });
    expect(err.message).toBe('cannot reach Yahoo Finance (ENOTFOUND): use --offline for cached data');
    expect(unavailableWhy('yahoo', err)).toBe('yahoo unavailable: cannot reach Yahoo Finance (ENOTFOUND)');
  });
});
