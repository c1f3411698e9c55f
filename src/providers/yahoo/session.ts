/**
 * yahoo-finance2's session (its cookies and the crumb it keeps among them),
 * saved in the cache directory between runs, so that a run which has to ask
 * for quotes skips the two-request handshake (cookie page, then crumb) before
 * its first quote. The file:
 *   - is replaced atomically, readable by its owner only;
 *   - is only read when Yahoo is asked for something (never with --offline);
 *   - when unreadable or damaged, is set aside with one warning, and a new
 *     session is fetched (and saved) as on a first run;
 *   - when Yahoo refuses its crumb, is forgotten and the session renewed once;
 *   - is removed by `basket cache clear`.
 */
import { mkdir, readdir, readFile, rm } from 'node:fs/promises';
import path from 'node:path';
import { errnoCode, isTempFile, writeFileAtomic } from '../../io/atomic-file.js';
import type { ExtendedCookieJar } from 'yahoo-finance2/lib/cookieJar';

/** The session's file name in the cache directory. */
export const SESSION_FILE = 'yahoo-session.json';
const SESSION_FORMAT = 'basket-yahoo-session';
const SESSION_VERSION = 1;

export interface YahooSession {
  /** The jar yahoo-finance2 keeps its cookies and crumb in. */
  readonly jar: ExtendedCookieJar;
  /** Whether the jar came from the file (so a refused crumb may be an old one). */
  readonly fromFile: boolean;
  /** Saves the jar when it changed since it was read or last saved; a failure to write is silent (the cache warns of its own). */
  save(): Promise<void>;
  /** Forgets every cookie and the crumb, in memory and on disk, so that the next request starts a new session. */
  forget(): Promise<void>;
}

/**
 * The jar's cookies as saved: without the time each was last used (which
 * changes on every request and would rewrite the file on every run).
 */
async function serialise(jar: ExtendedCookieJar): Promise<string> {
  const { cookies } = await jar.serialize();
  const kept = cookies.map(({ lastAccessed: _, ...cookie }) => cookie);
  return `${JSON.stringify({ format: SESSION_FORMAT, version: SESSION_VERSION, cookies: kept })}\n`;
}

/** The session file's text → a jar; throws on anything but a session this version of basket wrote. */
async function deserialise(text: string, jar: ExtendedCookieJar): Promise<void> {
  const json = JSON.parse(text) as { format?: unknown; version?: unknown; cookies?: unknown };
  if (json?.format !== SESSION_FORMAT || json.version !== SESSION_VERSION || !Array.isArray(json.cookies)) throw new Error('not a basket session file');
  // deserialize() fills the store it is given: the jar's own, so that yahoo-finance2 gets its ExtendedCookieJar
  await (jar.constructor as typeof ExtendedCookieJar).deserialize({ cookies: json.cookies }, jar.store);
}

/**
 * The session saved in `file` (null: none is kept, e.g. in tests that pass no
 * cache), or a new empty one. `newJar` makes an empty jar (yahoo-finance2's).
 */
export async function openSession(file: string | null, newJar: () => ExtendedCookieJar, warn: (line: string) => void): Promise<YahooSession> {
  const jar = newJar();
  let text: string | null = null;
  if (file !== null) {
    try {
      text = await readFile(file, 'utf8');
    } catch (err) {
      if (errnoCode(err) !== 'ENOENT') warn(`cannot read the saved Yahoo Finance session ${file} (${errnoCode(err) ?? String(err)}): starting a new one`);
    }
  }
  let saved = text;
  let fromFile = false;
  if (text !== null) {
    try {
      await deserialise(text, jar);
      fromFile = true;
    } catch (err) {
      await jar.removeAllCookies();
      saved = null;
      warn(`the saved Yahoo Finance session ${file} was unusable (${err instanceof SyntaxError ? 'not valid JSON' : (err as Error).message}): discarded, starting a new one`);
      await rm(file as string, { force: true }).catch(() => undefined);
    }
  }
  return {
    jar,
    fromFile,
    async save() {
      if (file === null) return;
      const now = await serialise(jar);
      if (now === saved) return;
      try {
        await mkdir(path.dirname(file), { recursive: true });
        await writeFileAtomic(file, now, { mode: 0o600 });
        saved = now;
      } catch {
        // the cache's own writes warn once about a cache that cannot be written; a session is only a shortcut
      }
    },
    async forget() {
      const { getCrumbClear } = await import('yahoo-finance2/lib/getCrumb');
      await getCrumbClear(jar);
      saved = null;
      if (file !== null) await rm(file, { force: true }).catch(() => undefined);
    },
  };
}

/** Removes the saved session in `dir` and any temporary file an interrupted save left; returns the files removed. */
export async function clearSession(dir: string): Promise<number> {
  let names: string[];
  try {
    names = await readdir(dir);
  } catch (err) {
    if (errnoCode(err) === 'ENOENT' || errnoCode(err) === 'ENOTDIR') return 0;
    throw err;
  }
  const ours = names.filter((n) => n === SESSION_FILE || (isTempFile(n) && n.startsWith(`.${SESSION_FILE}`)));
  await Promise.all(ours.map((n) => rm(path.join(dir, n), { force: true })));
  return ours.length;
}
