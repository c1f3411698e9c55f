/**
 * End to end in a real terminal: the built `basket chart` in a tmux pane of
 * 100 × 30, read back with capture-pane. The chart and its notes must fit the
 * pane, with the legend, the dates on the x-axis and colour; with NO_COLOR,
 * the same chart without colour. `npm test` builds dist/ first. Each run has
 * its own tmux server (-L), so it cannot touch anyone's sessions.
 */
import { execFile, execFileSync } from 'node:child_process';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { BIN, ROOT } from '../helpers/bin.js';

const WIDTH = 100;
const HEIGHT = 30;
const run = promisify(execFile);
const SOCKET = `basket-test-${process.pid}-${Date.now()}`;

function tmuxInstalled(): boolean {
  try {
    execFileSync('tmux', ['-V'], { stdio: 'ignore' });
    return true;
  } catch {
    return false;
  }
}

const shellQuote = (s: string) => `'${s.replace(/'/g, `'\\''`)}'`;

describe('basket chart in a tmux pane', () => {
  let dir = '';
  let config = '';

  const tmux = (...args: string[]) => run('tmux', ['-L', SOCKET, '-f', config, ...args], { cwd: ROOT });

  beforeAll(async () => {
    expect(tmuxInstalled(), 'tmux is missing: install it (sudo apt-get install -y tmux; bash .ci/run does this) to run the terminal tests').toBe(true);
    dir = await mkdtemp(path.join(tmpdir(), 'basket-tmux-'));
    config = path.join(dir, 'tmux.conf');
    // no user settings; nothing kept beyond the screen
    await writeFile(config, 'set-option -g history-limit 0\n');
  });

  afterAll(async () => {
    await tmux('kill-server').catch(() => undefined);
    if (dir) await rm(dir, { recursive: true, force: true });
  });

  /** Runs `basket …` in a new detached pane of WIDTH × HEIGHT and returns the pane's text when it has exited. */
  async function inPane(name: string, env: string, args: string[]): Promise<{ text: string; styled: string }> {
    // the exit code goes on the pane's last line, the one basket leaves for the prompt; the pane stays open to be read
    const command = `env -u NO_COLOR -u FORCE_COLOR ${env} ${shellQuote(process.execPath)} ${shellQuote(BIN)} ${args.map(shellQuote).join(' ')}; printf '[exit %d]' $?; sleep 60`;
    await tmux('new-session', '-d', '-x', String(WIDTH), '-y', String(HEIGHT), '-s', name, '-c', ROOT, command);
    let text = '';
    for (let tries = 0; !/\[exit \d+\]/.test(text); tries++) {
      if (tries > 200) throw new Error(`basket did not finish in its tmux pane:\n${text}`);
      await new Promise((resolve) => setTimeout(resolve, 50));
      text = (await tmux('capture-pane', '-p', '-t', name)).stdout;
    }
    const styled = (await tmux('capture-pane', '-p', '-e', '-t', name)).stdout;
    await tmux('kill-session', '-t', name);
    expect(text.trimEnd().split('\n').at(-1)).toBe('[exit 0]');
    return { text, styled };
  }

  const DEMO = ['chart', '--data', 'fixtures/demo', '--as-of', '2025-03-07'];

  it('fits the pane, notes and all, with the legend, the dates on the x-axis and colour', async () => {
    const { text, styled } = await inPane('colour', '', DEMO);
    const lines = text.split('\n');
    for (const line of lines) expect([...line].length).toBeLessThanOrEqual(WIDTH);
    // nothing scrolled off: the notes come first, then the whole chart from its title
    expect(lines[0]).toBe('basket: 5 notes on the data:');
    expect(text).toMatch(/^Level, 100 at the start · 2025-01-01 to 2025-03-07/m);
    expect(text).toMatch(/^━━━ China tech titans \+42\.8%$/m);
    expect(text).toMatch(/^═══ Magnificent Seven -10\.3%$/m);
    expect(text).toMatch(/^─── benchmark \^NDX -3\.9%$/m);
    expect(text).toMatch(/^ +2024-12-31 .*2025-02-01 .*2025-03-07$/m);
    expect(text).toMatch(/^ *100 ┤/m);
    const plotWidths = lines.filter((l) => /[┤│└]/.test(l)).map((l) => [...l].length);
    expect(Math.max(...plotWidths)).toBe(WIDTH); // it uses the pane's width
    expect(styled).toMatch(/\u001b\[3[0-9](;[0-9]+)*m/); // a foreground colour
  }, 20_000);

  it('has no colour with NO_COLOR, and the same text', async () => {
    const coloured = await inPane('again', '', DEMO);
    const plain = await inPane('plain', 'NO_COLOR=1', DEMO);
    expect(plain.styled).not.toMatch(/\u001b\[3[0-9]/);
    expect(plain.text).toBe(coloured.text);
  }, 20_000);
});
