/**
 * Generators of offline data files for the property tests. A generated CSV
 * keeps its model: the cells of each row and the physical lines each row
 * spans, so a test can check that an error names the line the bad row is on.
 */
import fc from 'fast-check';

/** A CSV file and, unless its quoting is deliberately broken, where its rows are. */
export interface CsvFile {
  readonly text: string;
  /** Header first; each row's cells as written (before quoting) and its first and last physical line. */
  readonly rows: readonly { readonly cells: readonly string[]; readonly first: number; readonly last: number }[] | null;
}

const EOLS = ['\n', '\r\n', '\r'] as const;

/** Physical lines of a text: what an editor would number. */
export function physicalLines(text: string): number {
  return text.split(/\r\n|\r|\n/).length;
}

/** A cell as written in the file: bare (padded with spaces) or quoted, with quotes doubled. */
function writeCell(cell: string, quoted: boolean, pad: string): string {
  return quoted || /[",\r\n]/.test(cell) ? `"${cell.replace(/"/g, '""')}"` : `${pad}${cell}${pad}`;
}

interface Layout {
  readonly eol: (typeof EOLS)[number];
  readonly bom: boolean;
  readonly trailingEol: boolean;
  /** Blank lines before each row (by index, wrapping). */
  readonly blanks: readonly number[];
  /** Which cells to quote (by index, wrapping). */
  readonly quote: readonly boolean[];
  readonly pad: string;
}

const layout: fc.Arbitrary<Layout> = fc.record({
  eol: fc.constantFrom(...EOLS),
  bom: fc.boolean(),
  trailingEol: fc.boolean(),
  blanks: fc.array(fc.oneof({ weight: 5, arbitrary: fc.constant(0) }, { weight: 1, arbitrary: fc.integer({ min: 1, max: 2 }) }), { minLength: 1, maxLength: 8 }),
  quote: fc.array(fc.oneof({ weight: 4, arbitrary: fc.constant(false) }, { weight: 1, arbitrary: fc.constant(true) }), { minLength: 1, maxLength: 8 }),
  pad: fc.constantFrom('', '', '', ' ', '  '),
});

/** Rows of cells → CSV text, remembering the lines each row spans. Line breaks inside cells take the file's own line ending. */
function writeCsv(rows: readonly (readonly string[])[], l: Layout): CsvFile {
  let text = l.bom ? '\uFEFF' : '';
  let line = 1;
  let cellNo = 0;
  const spans: { cells: readonly string[]; first: number; last: number }[] = [];
  rows.forEach((cells, r) => {
    const blanks = r === 0 ? 0 : (l.blanks[r % l.blanks.length] ?? 0);
    text += l.eol.repeat(blanks);
    line += blanks;
    const written = cells.map((c) => writeCell(c.replace(/\r\n|\r|\n/g, l.eol), l.quote[cellNo++ % l.quote.length] ?? false, l.pad)).join(',');
    const inner = written.split(/\r\n|\r|\n/).length - 1;
    spans.push({ cells, first: line, last: line + inner });
    text += written;
    line += inner;
    if (r < rows.length - 1 || l.trailingEol) {
      text += l.eol;
      line += 1;
    }
  });
  return { text, rows: spans };
}

// ---------------------------------------------------------------- cells

const DAY_MS = 86_400_000;
const FIRST_DAY = Date.UTC(2024, 11, 1);
/** The ISO date `n` days after 2024-12-01. */
export const isoDay = (n: number): string => new Date(FIRST_DAY + n * DAY_MS).toISOString().slice(0, 10);
export const DAYS = 150;

/** A date cell for a given day, in one of the accepted spellings. */
const dateSpelling = (iso: string): fc.Arbitrary<string> =>
  fc.constantFrom(iso, iso, iso, `${iso} 00:00:00+08:00`, `${iso}T09:30:00Z`, `${iso} 16:00-0500`, `${iso}T00:00:00.000Z`);

const badDate: fc.Arbitrary<string> = fc.oneof(
  fc.constantFrom('', 'soon', '2025-02-30', '2025-13-01', '02/01/2025', '2025-1-2', '20250102', '2025-01-02X', '2025-01-02 25:00', 'NaN', '0000-00-00', '9999-99-99', '2025-01-02T'),
  fc.string({ maxLength: 12 }),
);

/** Number cells that are fine: positive decimals and exponents. */
const goodNumber: fc.Arbitrary<string> = fc.oneof(
  fc.double({ min: 1e-6, max: 1e9, noNaN: true }).map(String),
  fc.integer({ min: 1, max: 100_000 }).map(String),
  fc.constantFrom('0.5', '.5', '5.', '+12', '1e3', '1E-3', '123.456', '1e300'),
);

/** Number cells basket reads as unknown, or as not positive (the row is then left out of a price file). */
const skippedNumber: fc.Arbitrary<string> = fc.constantFrom('', 'null', 'NaN', 'n/a', 'N/A', '-', '0', '-0', '-1', '-1e-9', '0.0', ' ');

/** Number cells basket refuses: not numbers, or not finite. */
const badNumber: fc.Arbitrary<string> = fc.oneof(
  fc.constantFrom('abc', '1,5', '0x10', 'Infinity', '1e309', '-1e400', '1_000', '١٢', '12 34', '$12', '1e', 'e5', '..5', '+-1'),
  fc.string({ maxLength: 8 }),
);

/** Mostly good numbers: a file has many cells, and one bad one sinks it. */
const numberCell = fc.oneof({ weight: 30, arbitrary: goodNumber }, { weight: 4, arbitrary: skippedNumber }, { weight: 1, arbitrary: badNumber });

/** Cells of a column basket ignores: anything, commas, quotes and line breaks included. */
const otherCell: fc.Arbitrary<string> = fc.oneof(
  fc.constantFrom('', 'x', '1', 'a,b', 'say "hi"', 'two\nlines', '  padded  '),
  fc.string({ unit: fc.constantFrom('a', '1', ',', '"', ' ', '\n', 'é', '—'), maxLength: 8 }),
);

// ---------------------------------------------------------------- price files

type PriceColumn = 'date' | 'close' | 'adj' | 'other';

const headerLabel: Record<PriceColumn, fc.Arbitrary<string>> = {
  date: fc.constantFrom('Date', 'date', 'DATE', 'Da te', 'da_te'),
  close: fc.constantFrom('Close', 'close', 'CLOSE', 'Clo_se'),
  adj: fc.constantFrom('Adj Close', 'adjclose', 'ADJ_CLOSE', 'Adj  Close', 'adj close'),
  other: fc.oneof(fc.constantFrom('Open', 'Volume', 'High', '', 'Note'), fc.stringMatching(/^[A-Za-z]{1,6}$/).filter((s) => !/^(date|close|adjclose)$/i.test(s))),
};

/** A valid price file: its closes by date, as the provider must read them. */
export interface ValidPrices {
  readonly file: CsvFile;
  /** Rows kept, by ISO date. */
  readonly bars: ReadonlyMap<string, { close: number; adj: number }>;
  /** Dates of rows left out for an empty or non-positive close. */
  readonly skipped: readonly string[];
}

/** Price files with unique dates and proper numbers, any column order, extra columns, any layout. */
export const validPrices: fc.Arbitrary<ValidPrices> = fc
  .record({
    columns: fc.shuffledSubarray<PriceColumn>(['adj', 'other', 'other'], { minLength: 0 }).chain((extra) =>
      fc.shuffledSubarray<PriceColumn>(['date', 'close', ...extra], { minLength: 2 + extra.length }),
    ),
    days: fc.uniqueArray(fc.integer({ min: 0, max: DAYS }), { maxLength: 40 }),
  })
  .chain(({ columns, days }) =>
    fc.record({
      header: fc.tuple(...columns.map((c) => headerLabel[c])),
      rows: fc.tuple(
        ...days.map((d) =>
          fc.record({
            date: dateSpelling(isoDay(d)),
            iso: fc.constant(isoDay(d)),
            close: fc.oneof({ weight: 9, arbitrary: goodNumber }, { weight: 1, arbitrary: fc.constantFrom('', '0', '-3', 'NaN', 'null', '-') }),
            adj: goodNumber,
            other: otherCell,
          }),
        ),
      ),
      layout,
      columns: fc.constant(columns),
    }),
  )
  .map(({ header, rows, layout: l, columns }) => {
    const cellOf = (row: (typeof rows)[number], c: PriceColumn) => (c === 'date' ? row.date : c === 'close' ? row.close : c === 'adj' ? row.adj : row.other);
    const file = writeCsv([header, ...rows.map((row) => columns.map((c) => cellOf(row, c)))], l);
    const bars = new Map<string, { close: number; adj: number }>();
    const skipped: string[] = [];
    const hasAdj = columns.includes('adj');
    for (const row of rows) {
      const close = Number(row.close);
      if (row.close === '' || !(close > 0)) skipped.push(row.iso);
      else bars.set(row.iso, { close, adj: hasAdj ? Number(row.adj) : close });
    }
    return { file, bars, skipped };
  });

/** A data row under `columns` that may be wrong in every way the format can be. */
const anyPriceRow = (columns: readonly PriceColumn[]): fc.Arbitrary<string[]> =>
  fc
    .tuple(
      fc.tuple(
        ...columns.map((c) =>
          c === 'date'
            ? fc.oneof({ weight: 30, arbitrary: fc.integer({ min: 0, max: 120 }).chain((d) => dateSpelling(isoDay(d))) }, { weight: 1, arbitrary: badDate })
            : c === 'other'
              ? otherCell
              : numberCell,
        ),
      ),
      fc.oneof({ weight: 40, arbitrary: fc.constant(0) }, { weight: 1, arbitrary: fc.constantFrom(-1, 1, 2) }),
    )
    .map(([cells, widthChange]) => {
      const row: string[] = [...cells];
      if (widthChange < 0) row.pop();
      for (let i = 0; i < widthChange; i++) row.push('extra');
      return row;
    });

/** Price files that are right or wrong at random: model-built (with their row lines) or free text. */
export const anyPrices: fc.Arbitrary<CsvFile> = fc.oneof(
  {
    weight: 6,
    arbitrary: fc
      .oneof(
        { weight: 4, arbitrary: fc.shuffledSubarray<PriceColumn>(['adj', 'other']).chain((extra) => fc.shuffledSubarray<PriceColumn>(['date', 'close', ...extra], { minLength: 2 + extra.length })) },
        { weight: 1, arbitrary: fc.array(fc.constantFrom<PriceColumn>('date', 'close', 'adj', 'other'), { minLength: 1, maxLength: 5 }) },
      )
      .chain((columns) => fc.tuple(fc.tuple(...columns.map((c) => headerLabel[c])), fc.array(anyPriceRow(columns), { maxLength: 12 }), layout))
      .map(([header, rows, l]) => writeCsv([header, ...rows], l)),
  },
  {
    weight: 1,
    arbitrary: fc.constantFrom('', '\uFEFF', '\n\n', 'Date,Close', 'Date,Close\n', ' \n\t\n', 'Date;Close\n2025-01-02;1\n', '"Date","Close"\n"2025-01-02","1"\n').map((text) => ({ text, rows: null })),
  },
  {
    weight: 1,
    // broken quoting: the model's line spans no longer apply
    arbitrary: fc
      .tuple(fc.constantFrom('Date,Close\n2025-01-02,"1\n', 'Date,Close\n2025-01-02,1"2\n', 'Date,Close\n"2025-01-02"x,1\n', 'Date,Close\n2025-01-02,"1""\n2025-01-03,2\n', 'Date,"Close\n2025-01-02,1\n'), fc.constantFrom('\n', '\r\n'))
      .map(([text, eol]) => ({ text: text.replace(/\n/g, eol), rows: null })),
  },
  {
    weight: 1,
    arbitrary: fc
      .string({ unit: fc.constantFrom('Date', 'Close', ',', '"', '\n', '\r\n', '\r', ' ', '2025-01-02', '1', '-', 'x', '\uFEFF'), maxLength: 30 })
      .map((text) => ({ text, rows: null })),
  },
);

// ---------------------------------------------------------------- quotes.csv

type QuoteColumn = 'symbol' | 'date' | 'text' | 'number' | 'other';

const quoteLabel: Record<QuoteColumn, fc.Arbitrary<string>> = {
  symbol: fc.constantFrom('symbol', 'Symbol', 'SYMBOL', 'sym_bol'),
  date: fc.constantFrom('date', 'Date', 'provider'),
  text: fc.constantFrom('name', 'currency', 'financialCurrency', 'Financial Currency', 'NAME'),
  number: fc.constantFrom('price', 'forwardPE', 'trailingPE', 'epsForward', 'marketCap', 'sharesOutstanding', 'forward_pe', 'Market Cap'),
  other: fc.constantFrom('exchange', 'note', '', 'x'),
};

const quoteSymbolCell: fc.Arbitrary<string> = fc.oneof(
  { weight: 30, arbitrary: fc.constantFrom('AAA', 'aaa', '0700.HK', '700.hk', '^NDX', 'USDHKD=X', 'BRK-B', 'M&M.NS', 'BBB', 'CCC', 'DDD', 'EEE', 'FFF', 'GGG', 'HHH') },
  { weight: 1, arbitrary: fc.constantFrom('', ' ', 'a b', '../x', 'AAA,BBB') },
  { weight: 1, arbitrary: fc.string({ maxLength: 6 }) },
);

/** A `date` cell: a day, empty (undated), or not a date at all. */
const quoteDateCell: fc.Arbitrary<string> = fc.oneof(
  { weight: 6, arbitrary: fc.constantFrom('', '2024-12-31', '2025-01-02', '2025-03-14', '2031-01-01') },
  { weight: 1, arbitrary: fc.constantFrom('2025-13-01', '2025-1-2', '02/01/2025', 'x', ' ') },
);

const quoteCell = (c: QuoteColumn): fc.Arbitrary<string> =>
  c === 'symbol' ? quoteSymbolCell : c === 'date' ? quoteDateCell : c === 'number' ? numberCell : otherCell;

const QUOTE_EXTRAS: QuoteColumn[] = ['symbol', 'date', 'text', 'text', 'number', 'number', 'number', 'other'];

/** quotes.csv files right and wrong: missing symbol column, repeated symbols, bad numbers, ragged rows, any layout, free text. */
export const anyQuotes: fc.Arbitrary<CsvFile> = fc.oneof(
  {
    weight: 12,
    arbitrary: fc
      .oneof(
        { weight: 5, arbitrary: fc.shuffledSubarray(QUOTE_EXTRAS).chain((extra) => fc.shuffledSubarray<QuoteColumn>(['symbol', ...extra], { minLength: 1 + extra.length })) },
        { weight: 1, arbitrary: fc.shuffledSubarray<QuoteColumn>(QUOTE_EXTRAS, { minLength: 1 }) },
      )
      .chain((columns) =>
        fc.tuple(
          fc.tuple(...columns.map((c) => quoteLabel[c])),
          fc.array(
            fc.tuple(fc.tuple(...columns.map(quoteCell)), fc.oneof({ weight: 40, arbitrary: fc.constant(0) }, { weight: 1, arbitrary: fc.constantFrom(-1, 1) })).map(([cells, change]) =>
              change < 0 ? cells.slice(0, -1) : change > 0 ? [...cells, 'extra'] : cells,
            ),
            { maxLength: 8 },
          ),
          layout,
        ),
      )
      .map(([header, rows, l]) => writeCsv([header, ...rows], l)),
  },
  {
    weight: 1,
    arbitrary: fc.constantFrom('', '\uFEFF', 'symbol\n', 'name,price\nx,1\n', 'symbol\n\n\n', 'symbol,price\nAAA,1\naaa,2\n').map((text) => ({ text, rows: null })),
  },
  {
    weight: 1,
    arbitrary: fc.string({ unit: fc.constantFrom('symbol', 'price', 'AAA', ',', '"', '\n', '\r\n', ' ', '1', 'x'), maxLength: 30 }).map((text) => ({ text, rows: null })),
  },
);

/** Symbols of the generated data directories (and their price files' names). */
export const DATA_SYMBOLS = ['AAA', 'BBB', '0700.HK', '^NDX', 'USDHKD=X', 'M&M.NS'] as const;

// ---------------------------------------------------------------- valid files with odd values (for the analytics behind the CLI)

/** Numbers that parse but push arithmetic: extremes, subnormals, huge jumps. */
const extremeNumber: fc.Arbitrary<string> = fc.oneof(
  { weight: 4, arbitrary: goodNumber },
  { weight: 1, arbitrary: fc.constantFrom('1e300', '1e-300', '5e-324', '1.7976931348623157e308', '1e-6', '123456789012345678901234567890', '0.000001', '1', '1') },
);

/** Price files the provider accepts, with odd series: no rows, one row, flat, extreme or jumping closes, rows only outside the window. */
export const oddValidPrices: fc.Arbitrary<CsvFile> = fc
  .record({
    days: fc.oneof(fc.uniqueArray(fc.integer({ min: 0, max: DAYS }), { maxLength: 30 }), fc.constantFrom<number[]>([], [0], [30], [96], [97, 98], [0, 1, 2, 3])),
    close: fc.oneof({ weight: 3, arbitrary: fc.constant(null) }, { weight: 1, arbitrary: extremeNumber }),
    adj: fc.boolean(),
  })
  .chain(({ days, close, adj }) =>
    fc.tuple(...days.map((d) => fc.tuple(fc.constant(isoDay(d)), close === null ? extremeNumber : fc.constant(close), extremeNumber))).map((rows) =>
      [adj ? 'Date,Close,Adj Close' : 'Date,Close', ...rows.map(([d, c, a]) => (adj ? `${d},${c},${a}` : `${d},${c}`))].join('\n'),
    ),
  )
  .map((text) => ({ text, rows: null }));

/** quotes.csv files the provider accepts, with odd values: minor-unit and unknown currencies, zero, negative and extreme figures. */
export const oddValidQuotes = (symbols: readonly string[]): fc.Arbitrary<CsvFile> => {
  const currency = fc.constantFrom('USD', 'HKD', 'GBp', 'GBP', 'ZAc', 'ILA', 'usd', '', 'XXX', 'é', 'HK$', 'CNY', 'EUR');
  const figure = fc.oneof({ weight: 3, arbitrary: extremeNumber }, { weight: 1, arbitrary: fc.constantFrom('', '0', '-5', '-0', '-1e300') });
  // each symbol's undated row, and maybe a dated one: before, long before or after the window's as-of date
  const dated = (s: string) =>
    fc.option(fc.tuple(fc.constant(s), fc.constantFrom('1999-01-04', '2025-01-15', '2031-06-30'), fc.constant(''), fc.constant(''), figure, figure, figure, figure, figure, figure), { nil: null });
  return fc
    .tuple(...symbols.map((s) => fc.tuple(fc.tuple(fc.constant(s), fc.constant(''), currency, currency, figure, figure, figure, figure, figure, figure), dated(s))))
    .map((pairs) => ({
      text: ['symbol,date,currency,financialCurrency,price,forwardPE,trailingPE,epsForward,marketCap,sharesOutstanding', ...pairs.flatMap(([r, d]) => [r.join(','), ...(d ? [d.join(',')] : [])])].join('\n'),
      rows: null,
    }));
};
