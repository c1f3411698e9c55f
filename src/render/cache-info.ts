/**
 * `basket cache info`: where the cache is, what it holds, how big it is.
 * Plain text (one entry per line) or JSON.
 */
import type { CacheInfo } from '../providers/cache/store.js';
import { toJsonDocument } from './json.js';

function formatBytes(n: number): string {
  if (n < 1024) return `${n} B`;
  if (n < 1024 * 1024) return `${(n / 1024).toFixed(1)} KiB`;
  return `${(n / (1024 * 1024)).toFixed(1)} MiB`;
}

export function renderCacheInfoText(info: CacheInfo): string {
  const history = info.files.filter((f) => f.kind === 'history');
  const quotes = info.files.filter((f) => f.kind === 'quotes');
  const symbols = new Set(info.files.map((f) => f.symbol));
  const dates = history.flatMap((f) => (f.firstDate && f.lastDate ? [f.firstDate, f.lastDate] : [])).sort();
  const fetched = info.files.flatMap((f) => (f.fetchedAt ? [f.fetchedAt] : [])).sort();
  const lines = [
    `Cache: ${info.dir}`,
    `Size: ${formatBytes(info.bytes)} in ${info.files.length} entries (${history.length} histories, ${quotes.length} quotes) for ${symbols.size} symbols`,
    `Data: ${dates.length > 0 ? `closes from ${dates[0]} to ${dates.at(-1)}` : 'no closes'}${fetched.length > 0 ? `; fetched from ${fetched[0]} to ${fetched.at(-1)}` : ''}`,
  ];
  if (info.strayTempFiles > 0) lines.push(`Stray temporary files (from an interrupted write; removed by basket cache clear): ${info.strayTempFiles}`);
  if (info.files.length > 0) {
    lines.push('');
    for (const f of info.files) {
      const range = f.kind === 'history' ? (f.firstDate ? `${f.firstDate} to ${f.lastDate}` : 'no closes') : 'quote';
      const state = f.problem ? `unusable: ${f.problem}` : `fetched ${f.fetchedAt}`;
      lines.push(`  ${f.symbol.padEnd(12)} ${f.kind.padEnd(8)} ${range.padEnd(24)} ${formatBytes(f.bytes).padStart(10)}  ${state}`);
    }
  }
  return `${lines.join('\n')}\n`;
}

export function renderCacheInfoJson(info: CacheInfo): string {
  return toJsonDocument(info);
}
