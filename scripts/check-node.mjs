#!/usr/bin/env node
/**
 * The first step of `npm test`: on a Node older than the tests need, one line
 * saying which Node was found, which is needed and how to get Node 24, then
 * exit 1, instead of dozens of failures that do not say why. Written for any
 * Node (no syntax or API newer than Node 12).
 */
var NEEDED = [22, 12];
var found = process.versions.node;
var parts = found.split('.').map(Number);
if (parts[0] < NEEDED[0] || (parts[0] === NEEDED[0] && parts[1] < NEEDED[1])) {
  process.stderr.write(
    'basket: the tests need Node.js >= ' + NEEDED.join('.') + ' (this is Node ' + found + '); get Node 24 with: ' +
      'npm install --prefix "$HOME/.node24" --no-save node@24 && export PATH="$HOME/.node24/node_modules/.bin:$PATH"\n',
  );
  process.exit(1);
}
