/**
 * The rows of a data file's text: read in one pass when the file is simple
 * (no quotes but around a whole cell, no spaces around cells, rows of one
 * width), else by csv-parse, the full RFC 4180 parser, which also gives the
 * error naming the line. Both give the same rows for a file the first reads
 * (a property test holds them to it).
 */
import { createRequire } from 'node:module';
import { DataFileError } from '../../errors.js';
import { COMMA, QUOTE } from './byte-cells.js';
import { normalised, padded } from './cells.js';

/** A record's cells and the physical line it starts on. */
export interface Row {
  readonly cells: string[];
  readonly line: number;
}


/**
 * The cells of one line whose quoted cells are simple — `"Apple, Inc."`: a
 * quote only at both ends of a cell, none inside — or null for anything else
 * (a doubled quote, a line break inside quotes, text around the quotes).
 */
function splitQuoted(line: string): string[] | null {
  const cells: string[] = [];
  let i = 0;
  for (;;) {
    if (line.charCodeAt(i) === QUOTE) {
      const close = line.indexOf('"', i + 1);
      if (close < 0) return null;
      const after = line.charCodeAt(close + 1);
      if (close + 1 < line.length && after !== COMMA) return null;
      const cell = line.slice(i + 1, close);
      if (padded(cell)) return null;
      cells.push(cell);
      if (close + 1 >= line.length) return cells;
      i = close + 2;
    } else {
      let comma = line.indexOf(',', i);
      if (comma < 0) comma = line.length;
      const cell = line.slice(i, comma);
      if (cell.includes('"')) return null;
      cells.push(cell);
      if (comma >= line.length) return cells;
      i = comma + 1;
    }
  }
}

/**
 * Rows of a file, blank lines skipped, each with its line number; null when
 * the full parser must read it (a doubled quote, a line break inside quotes,
 * spaces around a cell, rows of different widths).
 */
export function simpleRows(text: string): Row[] | null {
  const t = normalised(text);
  const quoted = t.includes('"');
  const rows: Row[] = [];
  let width = -1;
  let line = 0;
  for (const raw of t.split('\n')) {
    line += 1;
    if (raw === '') continue;
    const cells = quoted && raw.includes('"') ? splitQuoted(raw) : raw.split(',');
    if (cells === null || cells.some(padded)) return null;
    if (width < 0) width = cells.length;
    else if (cells.length !== width) return null;
    rows.push({ cells, line });
  }
  return rows;
}

type CsvParse = typeof import('csv-parse/sync').parse;
const requireHere = createRequire(import.meta.url);

/** Reads rows, in one pass when it can; holds csv-parse once a file needed it (most runs never load it). */
export class RowReader {
  private csvParse: CsvParse | null = null;

  /** RFC 4180 rows; a ragged row is an error naming its line. */
  rows(text: string, file: string): Row[] {
    return simpleRows(text) ?? this.fullRows(text, file);
  }

  /** Every row through csv-parse: the reference the one-pass row reader agrees with. */
  fullRows(text: string, file: string): Row[] {
    this.csvParse ??= (requireHere('csv-parse/sync') as typeof import('csv-parse/sync')).parse;
    let records: { record: string[]; info: { lines: number } }[];
    try {
      // one kind of line break: csv-parse counts a CRLF inside a quoted field as two lines
      records = this.csvParse(normalised(text), {
        bom: true,
        skip_empty_lines: true,
        relax_column_count: false,
        trim: true,
        info: true,
      }) as unknown as { record: string[]; info: { lines: number } }[];
    } catch (err) {
      const e = err as { lines?: number; message: string };
      const line = typeof e.lines === 'number' ? e.lines : null;
      const detail = e.message.replace(/^Invalid Record Length: /, '').split('\n')[0] ?? e.message;
      throw new DataFileError(file, line, detail, { cause: err });
    }
    // `info.lines` is the line a record ends on; it starts as many lines earlier as its cells hold line breaks
    return records.map(({ record, info }) => ({
      cells: record,
      line: info.lines - record.reduce((breaks, cell) => breaks + (cell.match(/\n/g)?.length ?? 0), 0),
    }));
  }
}
