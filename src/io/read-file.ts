/**
 * Reading many whole files fast: synchronously, into one buffer kept for the
 * next file. On a warm page cache a read costs less than the thread pool's
 * round trips of an asynchronous one, and no file's bytes need an allocation
 * of their own. Used where a run reads hundreds of files before it can go on
 * (the offline data directory, the cache); each of them owns its buffer.
 */
import { closeSync, fstatSync, openSync, readSync } from 'node:fs';

/** A buffer that whole files are read into, one after another; it grows to the largest file read. */
export class ReadBuffer {
  private buffer = Buffer.alloc(0);

  /**
   * The bytes of `file`, or null when there is none (ENOENT); any other error
   * is thrown as it comes (with its errno `code`). The bytes are good only
   * until the next read into this buffer.
   */
  read(file: string): Buffer | null {
    let fd: number;
    try {
      fd = openSync(file, 'r');
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code === 'ENOENT') return null;
      throw err;
    }
    try {
      let size = fstatSync(fd).size + 1; // one more: the end is where a read gives 0
      let length = 0;
      for (;;) {
        if (this.buffer.length < size) {
          const grown = Buffer.allocUnsafe(Math.max(size, this.buffer.length * 2));
          this.buffer.copy(grown, 0, 0, length);
          this.buffer = grown;
        }
        const got = readSync(fd, this.buffer, length, this.buffer.length - length, null);
        if (got === 0) return this.buffer.subarray(0, length);
        length += got;
        size = length + 1;
      }
    } finally {
      closeSync(fd);
    }
  }
}
