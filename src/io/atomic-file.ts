/**
 * Replacing a file atomically: the text goes to a temporary file beside the
 * target, is flushed to disk, then renamed over it. A reader sees the old
 * file or the new one, never half of one; a failed write removes the
 * temporary file and leaves an existing target as it was. Used for
 * `--output FILE`, every cache entry and the saved Yahoo session.
 */
import { open, rename, rm } from 'node:fs/promises';
import path from 'node:path';

/** Temporary files are named `.NAME.tmp-PID-RANDOM` beside their target (created exclusively: a name taken is never overwritten). */
export const TEMP_MARK = '.tmp-';

export function isTempFile(name: string): boolean {
  return name.startsWith('.') && name.includes(TEMP_MARK);
}

/**
 * Write `text` to `file` atomically; file-system errors are raised as they
 * come (with their errno `code`). `mode`: the permissions of a new file
 * (before the umask), e.g. 0o600 for one only its owner may read.
 */
export async function writeFileAtomic(file: string, text: string, options: { readonly mode?: number } = {}): Promise<void> {
  const target = path.resolve(file);
  const temp = path.join(path.dirname(target), `.${path.basename(target)}${TEMP_MARK}${process.pid}-${Math.random().toString(36).slice(2, 10)}`);
  let created = false;
  try {
    const handle = await open(temp, 'wx', options.mode ?? 0o666);
    created = true;
    try {
      await handle.writeFile(text, 'utf8');
      await handle.sync();
    } finally {
      await handle.close();
    }
    await rename(temp, target);
  } catch (err) {
    if (created) await rm(temp, { force: true }).catch(() => undefined);
    throw err;
  }
}

/** The errno code of a file-system error (`ENOENT`, …), or null. */
export function errnoCode(err: unknown): string | null {
  const code = (err as { code?: unknown } | null)?.code;
  return typeof code === 'string' ? code : null;
}
