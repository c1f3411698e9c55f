/**
 * End to end in a real terminal: tmux runs the built executable in an
 * 80 × 50 pane, and the screen it left is read back with capture-pane.
 * Lines the terminal had to wrap are joined again (-J), so a line wider
 * than 80 columns shows as one. Needs tmux (/usr/bin/tmux); npm test builds
 * dist/ first.
 */
import { execFile } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { existsSync } from 'node:fs';
import { setTimeout as sleep } from 'node:timers/promises';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';
import { displayWidth } from '../../src/render/width.js';
import { BIN, ROOT } from '../helpers/bin.js';

const run = promisify(execFile);
const TMUX = '/usr/bin/tmux';

/** Run `command` in a detached tmux session of `width` × `height`; the screen (history included) once it printed `exit=N`. */
async function inTerminal(command: string, width: number, height: number): Promise<{ screen: string; paneWidth: number }> {
  expect(existsSync(TMUX), `this test needs tmux at ${TMUX} (e.g. apt-get install tmux)`).toBe(true);
  expect(existsSync(BIN), `${BIN} is missing: run npm run build (npm test does)`).toBe(true);
  const socket = `basket-test-${process.pid}-${randomBytes(4).toString('hex')}`;
  const tmux = (...args: string[]) => run(TMUX, ['-L', socket, '-f', '/dev/null', ...args], { cwd: ROOT });
  await tmux('new-session', '-d', '-s', 'basket', '-x', String(width), '-y', String(height), '-c', ROOT, `${command}; echo "exit=$?"; sleep 5`);
  try {
    const paneWidth = Number((await tmux('display-message', '-p', '-t', 'basket', '#{pane_width}')).stdout.trim());
    let screen = '';
    for (let waited = 0; waited < 20_000; waited += 100) {
      screen = (await tmux('capture-pane', '-p', '-J', '-S', '-', '-t', 'basket')).stdout;
      if (/^exit=\d+$/m.test(screen)) break;
      await sleep(100);
    }
    return { screen, paneWidth };
  } finally {
    await tmux('kill-server').catch(() => undefined);
  }
}

describe('the compare table in a real 80-column terminal', () => {
  it('fits: no line wider than 80 columns, the key figures on screen', async () => {
    const { screen, paneWidth } = await inTerminal(`'${process.execPath}' '${BIN}' compare --data fixtures/demo --as-of 2025-03-07`, 80, 50);
    expect(paneWidth).toBe(80);
    expect(screen).toMatch(/^exit=0$/m);
    const lines = screen.split('\n').map((l) => l.trimEnd());
    const wide = lines.filter((l) => displayWidth(l) > 80);
    expect(wide, `lines wider than 80 columns:\n${wide.join('\n')}`).toEqual([]);
    for (const figure of ['+42.8%', '-10.3%', '42.3%', '16.1x', '27.9x', '+53.2 pts']) expect(screen).toContain(figure);
    // the table, not a fallback: boxes, members and the note on what was left out
    expect(screen).toContain('│ 9988.HK │');
    expect(screen).toContain('Columns left out to fit 80 columns');
    // the notes on stderr are wrapped to the terminal too
    expect(screen).toContain('basket: 5 notes on the data:');
  });
});
