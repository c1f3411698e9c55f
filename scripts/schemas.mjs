#!/usr/bin/env node
/**
 * Writes the JSON Schemas that editors read for basket's files, from the
 * zod schemas that basket itself checks them with:
 *
 *   schema/claims.schema.json   claims files (`basket check FILE`)
 *   schema/check.schema.json    the JSON output of `basket check FILE --format json`
 *   schema/compare.schema.json  the JSON output of `basket compare --format json`
 *   schema/config.schema.json   basket config files
 *   schema/quotes.schema.json   a row of the offline quotes.csv
 *
 *   npm run schemas      (builds first: this imports dist/src, which tsc -p tsconfig.build.json writes)
 *
 * Deterministic: the same sources always give byte-identical files.
 * test/config/claims-schema.test.ts, check-schema.test.ts,
 * report-schema.test.ts and data-schemas.test.ts fail when a committed
 * schema differs from what the sources generate, so run this after changing
 * a schema.
 */
import { mkdir, stat, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');

/** Each schema file, the module of dist/src/config that generates it, and the function. */
const SCHEMAS = [
  { file: 'claims.schema.json', module: 'claims.js', generate: 'claimsJsonSchema' },
  { file: 'check.schema.json', module: 'check-schema.js', generate: 'checkJsonSchema' },
  { file: 'config.schema.json', module: 'schema.js', generate: 'configJsonSchema' },
  { file: 'quotes.schema.json', module: 'quotes-schema.js', generate: 'quotesJsonSchema' },
  { file: 'compare.schema.json', module: 'report-schema.js', generate: 'compareJsonSchema' },
];

for (const { file, module, generate } of SCHEMAS) {
  const source = path.join(ROOT, 'dist', 'src', 'config', module);
  await stat(source).catch(() => {
    process.stderr.write(`schemas: ${path.relative(ROOT, source)} is missing: run npm run build first (npm run schemas does both)\n`);
    process.exit(1);
  });
  const schema = (await import(pathToFileURL(source).href))[generate]();
  const out = path.join(ROOT, 'schema', file);
  await mkdir(path.dirname(out), { recursive: true });
  await writeFile(out, `${JSON.stringify(schema, null, 2)}\n`);
  process.stdout.write(`wrote ${path.relative(ROOT, out)}\n`);
}
