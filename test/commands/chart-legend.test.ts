/**
 * A chart whose legend leaves its plot too few rows for any y-axis tick
 * (many series at a small --height) still draws, with no tick labels, never
 * an internal error. (Found by the command-line property test.)
 */
import { describe, expect, it } from 'vitest';
import { DEMO_DIR, runCli } from '../helpers/cli.js';

describe('basket chart with a legend taller than its height', () => {
  it('draws the plot without tick labels instead of failing', async () => {
    for (const height of ['2', '4', '10']) {
      const r = await runCli(['chart', '--data', DEMO_DIR, '--as-of', '2025-03-07', '--height', height, 'titans', 'fixtures/config/weights.yaml', '-q']);
      expect(r.exitCode, r.stderr).toBe(0);
      expect(r.stdout).toContain('China tech titans +42.8%');
      expect(r.stdout).not.toMatch(/Infinity|NaN/);
    }
  });
});
