/**
 * Writing a result to a file (`compare --output FILE`), atomically (see
 * atomic-file.ts), with file-system failures told in plain words.
 */
import { errnoCode, writeFileAtomic } from './atomic-file.js';
import { UsageError } from '../errors.js';

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

/**
 * Write `text` to `file` atomically. `label` is how the error names the file
 * (the path as the user wrote it). A file-system failure becomes a one-line
 * UsageError, e.g. `cannot write --output out/x.csv: ENOENT (no such directory)`.
 */
export async function writeOutputFile(file: string, text: string, label: string = file): Promise<void> {
  try {
    await writeFileAtomic(file, text);
  } catch (err) {
    const code = errnoCode(err);
    if (code === null) throw err;
    const reason = REASONS[code] ?? (err instanceof Error ? err.message.replace(/^\w+: /, '').replace(/, \w+ '.*'$/, '') : code);
    throw new UsageError(`cannot write --output ${label}: ${code} (${reason})`, { cause: err });
  }
}
