#!/usr/bin/env node
import { main } from '../src/cli.js';

// A reader that stops early (`basket compare --format csv | head -1`) closes
// the pipe: the rest of the output has nowhere to go, so end quietly, as
// POSIX tools do on SIGPIPE, instead of dying on an unhandled EPIPE.
process.stdout.on('error', (err: NodeJS.ErrnoException) => {
  if (err.code !== 'EPIPE') throw err;
  // nothing more can reach the reader: drop what is left and end with success
  process.stdout.destroy();
  process.exitCode = 0;
});

const code = await main(process.argv.slice(2), { stdout: process.stdout, stderr: process.stderr, env: process.env, cwd: process.cwd() }, { now: () => new Date(), nodeVersion: process.versions.node });
// The exit code is set once everything written has been flushed, and Node
// ends the process by itself when nothing is left to do (main() has closed
// its connections), so piped output is never cut short.
const flushed = (stream: NodeJS.WriteStream) =>
  new Promise<void>((resolve) => (stream.destroyed || stream.writableLength === 0 ? resolve() : stream.write('', () => resolve())));
await Promise.all([flushed(process.stdout), flushed(process.stderr)]);
if (process.exitCode === undefined || process.exitCode === 0) process.exitCode = code;
