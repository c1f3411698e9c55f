#!/usr/bin/env node
/**
 * Remakes the README's screenshots from the demo data (run by hand, after
 * `npm run build`; needs tmux and Debian's Chromium at /usr/bin/chromium):
 *
 *   docs/chart.png   `basket chart` in a 100 × 30 tmux pane, its colours read
 *                    back with `capture-pane -e` and drawn as HTML
 *   docs/report.png  the top of the HTML report (`--format html`)
 *
 *   node scripts/screenshots.mjs
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { chromium } from 'playwright-core';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
/** The command as installed: the file package.json's `bin` names. */
const BIN = path.join(ROOT, JSON.parse(readFileSync(path.join(ROOT, 'package.json'), 'utf8')).bin.basket);
const DEMO = ['--data', 'fixtures/demo', '--as-of', '2025-03-07'];
const work = mkdtempSync(path.join(tmpdir(), 'basket-shots-'));
const socket = `basket-shots-${process.pid}`;
const quote = (s) => `'${s.replace(/'/g, `'\\''`)}'`;

/** The pane's text with its colours, after basket has finished. */
function captureChart() {
  const tmux = (...args) => execFileSync('tmux', ['-L', socket, '-f', '/dev/null', ...args], { cwd: ROOT, encoding: 'utf8' });
  const command = `env -u NO_COLOR -u FORCE_COLOR TERM=xterm-256color ${quote(process.execPath)} ${quote(BIN)} chart ${DEMO.join(' ')} --quiet; printf '$ '; sleep 30`;
  tmux('new-session', '-d', '-x', '100', '-y', '30', '-s', 'shot', '-c', ROOT, command);
  try {
    for (let i = 0; i < 100; i++) {
      if (tmux('capture-pane', '-p', '-t', 'shot').includes('$ ')) break;
      execFileSync('sleep', ['0.1']);
    }
    return tmux('capture-pane', '-p', '-e', '-t', 'shot');
  } finally {
    tmux('kill-server');
  }
}

const PALETTE = { 30: '#3b4048', 31: '#e06c75', 32: '#98c379', 33: '#e5c07b', 34: '#61afef', 35: '#c678dd', 36: '#56b6c2', 37: '#dcdfe4' };
const escape = (s) => s.replace(/[&<>]/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;' })[c]);

/** SGR escapes (colours, bold, dim) → spans. */
function ansiToHtml(text) {
  let style = { fg: null, bold: false, dim: false };
  let html = '';
  for (const part of text.split(/(\u001b\[[0-9;]*m)/)) {
    const sgr = /^\u001b\[([0-9;]*)m$/.exec(part);
    if (sgr) {
      for (const code of (sgr[1] || '0').split(';').map(Number)) {
        if (code === 0) style = { fg: null, bold: false, dim: false };
        else if (code === 1) style = { ...style, bold: true };
        else if (code === 2) style = { ...style, dim: true };
        else if (code === 22) style = { ...style, bold: false, dim: false };
        else if (code === 39) style = { ...style, fg: null };
        else if (code >= 30 && code <= 37) style = { ...style, fg: PALETTE[code] };
        else if (code >= 90 && code <= 97) style = { ...style, fg: PALETTE[code - 60] };
      }
      continue;
    }
    if (part === '') continue;
    const css = [style.fg ? `color:${style.fg}` : '', style.bold ? 'font-weight:700' : '', style.dim ? 'opacity:.55' : ''].filter(Boolean).join(';');
    html += css ? `<span style="${css}">${escape(part)}</span>` : escape(part);
  }
  return html;
}

const browser = await chromium.launch({ executablePath: '/usr/bin/chromium', args: ['--headless', '--no-sandbox', '--disable-gpu', '--no-first-run'] });
try {
  const terminal = path.join(work, 'terminal.html');
  writeFileSync(
    terminal,
    `<!doctype html><meta charset="utf-8"><style>body{margin:0;background:#282c34}pre{margin:0;padding:14px 16px;color:#dcdfe4;font:14px/1 "DejaVu Sans Mono",monospace;display:inline-block}</style><pre>${ansiToHtml(captureChart().replace(/\n+$/, ''))}</pre>`,
  );
  const page = await browser.newPage({ deviceScaleFactor: 1 });
  await page.goto(pathToFileURL(terminal).href);
  await page.locator('pre').screenshot({ path: path.join(ROOT, 'docs', 'chart.png') });

  const report = path.join(work, 'report.html');
  execFileSync(process.execPath, [BIN, 'compare', ...DEMO, '--format', 'html', '--output', report, '--quiet'], { cwd: ROOT });
  await page.setViewportSize({ width: 1000, height: 1180 });
  await page.goto(pathToFileURL(report).href);
  await page.screenshot({ path: path.join(ROOT, 'docs', 'report.png') });
  console.log('wrote docs/chart.png and docs/report.png');
} finally {
  await browser.close();
  rmSync(work, { recursive: true, force: true });
}
