/**
 * Writing a result to a file (`compare --output FILE`), atomically: the text
 * goes to a temporary file beside FILE, is flushed to disk, then renamed over
 * FILE. A reader sees the old FILE or the new one, never half of one; a failed
 * write removes the temporary file and leaves an existing FILE as it was.
 */
import { randomBytes } from 'node:crypto';
import { open, rename, rm } from 'node:fs/promises';
import path from 'node:path';
import { UsageError } from './errors.js';

/** Plain words for the file-system errors a user can meet and fix. */
const REASONS: Readonly<Record<string, string>> = {
  ENOENT: 'no such directory',
  ENOTDIR: 'a parent is not a directory',
  EISDIR: 'is a directory',
  EACCES: 'permission denied',
  EPERM: 'permission denied',
  EROFS: 'read-only file system',
  ENOSPC: 'no space left on device',
  EDQUOT: 'disk quota exceeded',
  ENAMETOOLONG: 'name too long',
  EIO: 'input/output error',
};

function errnoCode(err: unknown): string | null {
  const code = (err as { code?: unknown } | null)?.code;
  return typeof code === 'string' ? code : null;
}

/**
 * Write `text` to `file` atomically. `label` is how the error names the file
 * (the path as the user wrote it). A file-system failure becomes a one-line
 * UsageError, e.g. `cannot write --output out/x.csv: ENOENT (no such directory)`.
 */
export async function writeOutputFile(file: string, text: string, label: string = file): Promise<void> {
  const target = path.resolve(file);
  const temp = path.join(path.dirname(target), `.${path.basename(target)}.tmp-${process.pid}-${randomBytes(6).toString('hex')}`);
  let created = false;
  try {
    const handle = await open(temp, 'wx');
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
    const code = errnoCode(err);
    if (code === null) throw err;
    const reason = REASONS[code] ?? (err instanceof Error ? err.message.replace(/^\w+: /, '').replace(/, \w+ '.*'$/, '') : code);
    throw new UsageError(`cannot write --output ${label}: ${code} (${reason})`, { cause: err });
  }
}
