#!/usr/bin/env node
import { main } from '../src/cli.js';

// A reader that stops early (`basket compare --format csv | head -1`) closes
// the pipe: the rest of the output has nowhere to go, so end quietly, as
// POSIX tools do on SIGPIPE, instead of dying on an unhandled EPIPE.
process.stdout.on('error', (err: NodeJS.ErrnoException) => {
  if (err.code === 'EPIPE') process.exit(0);
  throw err;
});

const code = await main(process.argv.slice(2), { stdout: process.stdout, stderr: process.stderr, env: process.env, cwd: process.cwd() }, { now: () => new Date() });
// End as soon as everything written has been flushed: an idle keep-alive
// socket or a cancelled request's leftovers must not hold the process open.
const flushed = (stream: NodeJS.WriteStream) => new Promise<void>((resolve) => (stream.writableLength === 0 ? resolve() : stream.write('', () => resolve())));
await Promise.all([flushed(process.stdout), flushed(process.stderr)]);
process.exit(code);
