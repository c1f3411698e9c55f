/** Config text → a plain value: YAML (with the line of a syntax error) or JSON. */
import { parseDocument } from 'yaml';
import { ConfigError } from '../errors.js';

/** Parse YAML or JSON text into a plain value, with the line of any syntax error. */
export function parseConfigText(text: string, file: string): unknown {
  if (file.toLowerCase().endsWith('.json')) {
    try {
      return JSON.parse(text);
    } catch (err) {
      // V8 quotes the text around the error, line breaks and all: keep the message on one line
      const message = (err as Error).message.replace(/\s*[\r\n]+\s*/g, ' ');
      throw new ConfigError(file, null, `not valid JSON: ${message}`, { cause: err });
    }
  }
  // logLevel 'error': yaml would otherwise print its warnings (a key that is a list, say) on the process's own stderr
  const options = { uniqueKeys: true, prettyErrors: true, logLevel: 'error' } as const;
  // yaml throws rather than reports two things: nesting deeper than the stack
  // (a RangeError) and aliases of aliases that would expand without bound
  // ("billion laughs", a ReferenceError from toJS)
  const unreadable = (err: unknown) => new ConfigError(file, null, `not valid YAML: ${(err as Error).message}`, { cause: err });
  let doc: ReturnType<typeof parseDocument>;
  try {
    doc = parseDocument(text, options);
  } catch (err) {
    throw unreadable(err);
  }
  const first = doc.errors[0];
  if (first) {
    const where = first.linePos?.[0];
    const at = where ? `line ${where.line}, column ${where.col}: ` : '';
    const message = (first.message.split('\n')[0] ?? first.message).replace(/ at line \d+, column \d+:?$/, '');
    throw new ConfigError(file, null, `not valid YAML: ${at}${message}`, { cause: first });
  }
  try {
    return doc.toJS();
  } catch (err) {
    throw unreadable(err);
  }
}
