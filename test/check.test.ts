/**
 * check.ts, the orchestrator of `basket check`: claims over several windows,
 * as-of dates and currencies are answered from one round of fetching (each
 * series asked for once), and each claim's figure is the one a report built
 * for that claim alone would give.
 */
import { writeFile } from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCheck } from '../src/check.js';
import { openFilesProvider } from '../src/providers/files/provider.js';
import type { HistoryRequest, MarketDataProvider } from '../src/providers/provider.js';
import { runCompare, type CompareRequest, type Context } from '../src/run.js';
import { DEMO_DIR, FIXED_NOW } from './helpers/cli.js';
import { makeTempDir } from './helpers/tmp.js';

const COMMAND_LINE: Omit<CompareRequest, 'baskets' | 'data'> = { priceBasis: 'adjusted' };

/** The demo data, counting what is asked of it. */
async function counting() {
  const inner = await openFilesProvider(DEMO_DIR, 'fixtures/demo');
  const asked = { history: [] as HistoryRequest[], quotes: [] as string[][], fx: [] as string[] };
  const provider: MarketDataProvider = {
    description: inner.description,
    fetchHistory: (r) => (asked.history.push(r), inner.fetchHistory(r)),
    fetchQuotes: (s) => (asked.quotes.push([...s]), inner.fetchQuotes(s)),
    fetchFx: (r) => (asked.fx.push(`${r.from}→${r.to}`), inner.fetchFx(r)),
    fxNames: (a, b) => inner.fxNames(a, b),
  };
  const ctx: Context = { config: { cwd: process.cwd(), userConfigDir: null }, now: () => FIXED_NOW, openProvider: async () => provider };
  return { ctx, asked };
}

const STORY = `story: several windows
claims:
  - {id: ytd, says: x, figure: return, basket: titans, as-of: 2025-03-07, currency: USD, expect: "> 0"}
  - {id: feb, says: x, figure: return, basket: titans, from: 2025-02-01, as-of: 2025-02-28, currency: own, expect: "> 0"}
  - {id: week, says: x, figure: period-return, symbol: HSTECH.HK, period: 1w, as-of: 2025-03-06, expect: "> 0"}
  - {id: pe, says: x, figure: discount, basket: titans, against: mag7, as-of: 2025-03-07, expect: "> 0"}
  - {id: high, says: x, figure: highest-since, symbol: HSTECH.HK, as-of: 2025-03-06, lookback: 3y, expect: "<= 2022-01-01"}
`;

describe('runCheck', () => {
  it('asks for each symbol once, whatever the windows, as-of dates and currencies of the claims', async () => {
    const dir = await makeTempDir('basket-check-');
    const file = path.join(dir, 'story.yaml');
    await writeFile(file, STORY);
    const { ctx, asked } = await counting();
    const { check } = await runCheck({ file, shownFile: 'story.yaml', data: DEMO_DIR, commandLine: COMMAND_LINE, explain: false }, ctx);
    expect(check.claims.map((c) => c.verdict)).toEqual(['holds', 'holds', 'holds', 'holds', 'holds']);
    const symbols = asked.history.flatMap((r) => r.symbols);
    expect(symbols.length).toBe(new Set(symbols).size);
    expect(asked.quotes).toHaveLength(1);
    // one history round spans every claim: from the 3y look-back before 2025-01-01 less 30 days, to the latest as-of date
    expect(asked.history.every((r) => r.start === '2021-12-02' && r.end === '2025-03-07')).toBe(true);
  });

  it("gives each claim the figure compare gives for the same basket and settings alone", async () => {
    const dir = await makeTempDir('basket-check-');
    const file = path.join(dir, 'story.yaml');
    await writeFile(file, STORY);
    const { ctx } = await counting();
    const { check } = await runCheck({ file, shownFile: 'story.yaml', data: DEMO_DIR, commandLine: COMMAND_LINE, explain: false }, ctx);
    const alone = async (req: Partial<CompareRequest>) => (await runCompare({ baskets: ['titans'], data: DEMO_DIR, priceBasis: 'adjusted', ...req }, ctx)).report.baskets[0]?.return;
    expect(check.claims[0]?.value).toBe(await alone({ asOf: '2025-03-07', currency: 'USD' }));
    expect(check.claims[1]?.value).toBe(await alone({ from: '2025-02-01', asOf: '2025-02-28' }));
    const pe = (await runCompare({ baskets: ['titans', 'mag7'], data: DEMO_DIR, priceBasis: 'adjusted', asOf: '2025-03-07' }, ctx)).report.comparison?.discount;
    expect(check.claims[3]?.value).toBe(pe);
  });
});
