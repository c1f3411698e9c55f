/**
 * Colour carried from line to line of a multi-line table cell, as cli-table3
 * 0.6 carries it (its Cell draws each line with the styles left open on the
 * line before): a style open at the end of a line is closed there and opened
 * again at the start of the next, so that the border drawn between them stays
 * uncoloured. Pure; box.ts draws with it, test/render/box.test.ts holds the
 * result to cli-table3's, byte for byte.
 *
 * What counts, as cli-table3 counts it: SGR codes `ESC [ n;…;n m` with at
 * most six numbers, read by their first number. 30–39 and 90–97 set the
 * foreground (the last one wins), 40–49 and 100–107 the background, 0 (or no
 * number) resets everything; bold, italics, underline, inverse and
 * strikethrough are switched on and off by their exact codes. Other codes
 * (dim, for one) are not carried.
 */

const SGR = /\u001b\[((?:\d*;){0,5}\d*)m/g;

const code = (n: number) => `\u001b[${n}m`;
/** The attributes carried, with their on and off codes, in cli-table3's order. */
const ATTRIBUTES: readonly (readonly [string, number, number])[] = [
  ['bold', 1, 22],
  ['italics', 3, 23],
  ['underline', 4, 24],
  ['inverse', 7, 27],
  ['strikethrough', 9, 29],
];
/** An attribute's code → its name and whether the code switches it on. */
const SWITCHES: ReadonlyMap<string, { readonly name: string; readonly on: boolean }> = new Map(
  ATTRIBUTES.flatMap(([name, on, off]): [string, { name: string; on: boolean }][] => [
    [code(on), { name, on: true }],
    [code(off), { name, on: false }],
  ]),
);
const ON: ReadonlyMap<string, string> = new Map(ATTRIBUTES.map(([name, on]) => [name, code(on)]));
const OFF: ReadonlyMap<string, string> = new Map(ATTRIBUTES.map(([name, , off]) => [name, code(off)]));
const DEFAULT_FOREGROUND = code(39);
const DEFAULT_BACKGROUND = code(49);

/**
 * The styles in force at the end of a line: each attribute switched (in the
 * order first switched since the last reset: the order they are closed and
 * reopened in), and the last foreground and background codes.
 */
interface Styles {
  readonly switched: Map<string, boolean>;
  foreground: string | null;
  background: string | null;
}

const noStyles = (): Styles => ({ switched: new Map(), foreground: null, background: null });

function stylesAtEnd(line: string): Styles {
  let styles = noStyles();
  for (const m of line.matchAll(SGR)) {
    const params = m[1] as string;
    const first = params === '' ? 0 : Number.parseInt(params.split(';')[0] as string, 10);
    if ((first >= 30 && first <= 39) || (first >= 90 && first <= 97)) styles.foreground = m[0];
    else if ((first >= 40 && first <= 49) || (first >= 100 && first <= 107)) styles.background = m[0];
    else if (first === 0) styles = noStyles();
    else {
      const attribute = SWITCHES.get(m[0]);
      if (attribute) styles.switched.set(attribute.name, attribute.on);
    }
  }
  return styles;
}

const isSet = (colour: string | null, byDefault: string): colour is string => colour !== null && colour !== byDefault;

/** The codes that close `styles`: attributes in order, then background, then foreground. */
function closing(styles: Styles): string {
  let out = '';
  for (const [name, on] of styles.switched) if (on) out += OFF.get(name) as string;
  if (isSet(styles.background, DEFAULT_BACKGROUND)) out += DEFAULT_BACKGROUND;
  if (isSet(styles.foreground, DEFAULT_FOREGROUND)) out += DEFAULT_FOREGROUND;
  return out;
}

/** The codes that reopen `styles`: foreground, background, then attributes in reverse order. */
function reopening(styles: Styles): string {
  let out = '';
  for (const [name, on] of styles.switched) if (on) out = (ON.get(name) as string) + out;
  if (isSet(styles.background, DEFAULT_BACKGROUND)) out = styles.background + out;
  if (isSet(styles.foreground, DEFAULT_FOREGROUND)) out = styles.foreground + out;
  return out;
}

/** A cell's lines, each closing the styles it leaves open and reopening those the line before left open. */
export function carryColour(lines: readonly string[]): string[] {
  let open = noStyles();
  return lines.map((text) => {
    const line = reopening(open) + text;
    open = stylesAtEnd(line);
    return line + closing(open);
  });
}
