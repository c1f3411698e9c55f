#!/usr/bin/env node
/**
 * Writes the JSON Schemas that editors read for basket's files, from the
 * zod schemas that basket itself checks them with:
 *
 *   schema/claims.schema.json   claims files (`basket check FILE`)
 *
 *   npm run schemas      (builds first: this imports dist/src, which tsc -p tsconfig.build.json writes)
 *
 * Deterministic: the same sources always give byte-identical files.
 * test/config/claims-schema.test.ts fails when a committed schema differs
 * from what the sources generate, so run this after changing a schema.
 */
import { mkdir, stat, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const CLAIMS = path.join(ROOT, 'dist', 'src', 'config', 'claims.js');

await stat(CLAIMS).catch(() => {
  process.stderr.write(`schemas: ${path.relative(ROOT, CLAIMS)} is missing: run npm run build first (npm run schemas does both)\n`);
  process.exit(1);
});

const { claimsJsonSchema } = await import(pathToFileURL(CLAIMS).href);

const out = path.join(ROOT, 'schema', 'claims.schema.json');
await mkdir(path.dirname(out), { recursive: true });
await writeFile(out, `${JSON.stringify(claimsJsonSchema(), null, 2)}\n`);
process.stdout.write(`wrote ${path.relative(ROOT, out)}\n`);
