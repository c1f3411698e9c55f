/**
 * Property: whatever text it is given, parseClaims either returns a
 * ClaimsFile that keeps every promise of its type, or throws a
 * ClaimsFileError whose message is one line naming the file; never anything
 * else (no TypeError, no zod dump, no stack).
 *
 * A failure prints fast-check's seed and path: pass them to fc.assert as
 * `{ seed, path, endOnFailure: true }` to replay that very case.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { CLAIM_ID } from '../../src/config/claims-schema.js';
import { parseClaims, type ClaimsFile } from '../../src/config/claims.js';
import { FIGURE_UNITS, FIGURES } from '../../src/domain/claims.js';
import { ClaimsFileError } from '../../src/errors.js';
import { claimsFile, validClaim } from '../helpers/claims-files.js';
import { stringify as toYaml } from 'yaml';

/** Everything a ClaimsFile promises. */
function expectValid(file: ClaimsFile, name: string): void {
  expect(file.file).toBe(name);
  expect(file.story.trim()).toBe(file.story);
  expect(file.story).not.toBe('');
  expect(file.claims.length).toBeGreaterThan(0);
  expect(new Set(file.claims.map((c) => c.id)).size).toBe(file.claims.length);
  for (const claim of file.claims) {
    expect(claim.id).toMatch(CLAIM_ID);
    expect(FIGURES).toContain(claim.figure);
    expect(claim.against !== null).toBe(claim.figure === 'discount' || claim.figure === 'return-spread');
    expect(claim.period !== null).toBe(claim.figure === 'period-return');
    const bounds = claim.expect.op === 'between' ? [claim.expect.low, claim.expect.high] : [claim.expect.x];
    for (const bound of bounds) expect(bound.kind).toBe(FIGURE_UNITS[claim.figure] === 'date' ? 'date' : 'number');
    if (claim.subject.kind === 'symbol') expect(claim.subject.symbol).toBe(claim.subject.symbol.trim().toUpperCase());
    for (const settings of [claim.settings, file.defaults]) {
      expect(Object.values(settings)).not.toContain(undefined);
      if (settings.asOf !== undefined && settings.from !== undefined) expect(settings.from <= settings.asOf).toBe(true);
    }
  }
}

describe('parseClaims, on random and malformed files', () => {
  it('returns a valid ClaimsFile or throws a one-line ClaimsFileError naming the file', () => {
    let [read, refused] = [0, 0];
    fc.assert(
      fc.property(claimsFile, ({ name, text }) => {
        let file: ClaimsFile;
        try {
          file = parseClaims(text, name);
        } catch (err) {
          if (!(err instanceof ClaimsFileError)) throw new Error(`expected a ClaimsFileError, got ${String(err)}`, { cause: err });
          expect(err.message).not.toMatch(/[\r\n]/);
          expect(err.message.startsWith(`bad claims file ${name}`)).toBe(true);
          refused++;
          return;
        }
        expectValid(file, name);
        read++;
      }),
      { numRuns: 1500 },
    );
    // the generators reach both outcomes
    expect(read).toBeGreaterThan(30);
    expect(refused).toBeGreaterThan(300);
  }, 60_000);

  it('reads any valid file, YAML or JSON, as the same claims', () => {
    const valid = fc.uniqueArray(fc.constantFrom(...FIGURES), { minLength: 1 }).map((figures) => ({ story: 'S', claims: figures.map((f) => validClaim(f)) }));
    fc.assert(
      fc.property(valid, fc.constantFrom<'any' | 'block' | 'flow'>('any', 'block', 'flow'), (doc, collectionStyle) => {
        const fromYaml = parseClaims(toYaml(doc, { collectionStyle }), 'c.yaml');
        const fromJson = parseClaims(JSON.stringify(doc), 'c.json');
        expect(fromYaml.claims).toEqual(fromJson.claims);
        expect(fromYaml.claims.map((c) => c.figure)).toEqual(doc.claims.map((c) => c['figure']));
      }),
      { numRuns: 200 },
    );
  });
});
