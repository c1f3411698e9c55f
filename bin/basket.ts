#!/usr/bin/env node
import { main } from '../src/cli.js';

// Setting exitCode (not calling exit) lets piped output flush before Node ends.
process.exitCode = await main(process.argv.slice(2), { stdout: process.stdout, stderr: process.stderr, env: process.env, cwd: process.cwd() }, { now: () => new Date() });
