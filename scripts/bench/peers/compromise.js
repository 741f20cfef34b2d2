// compromise.js: the analysis of scripts/bench/analyse.lua done by Node's
// compromise, for `make bench`: sentences, quotations, people, places and
// organisations of every line of FILE (a paragraph in the bench inputs).
// Usage: NODE_PATH=build/peers/node_modules node compromise.js FILE
'use strict';
const fs = require('fs');
const nlp = require('compromise');

let n = 0;
for (const line of fs.readFileSync(process.argv[2], 'utf8').split('\n')) {
  if (line.trim() === '') continue;
  const doc = nlp(line);
  n += doc.sentences().out('array').length;
  n += doc.quotations().out('array').length;
  n += doc.people().out('array').length;
  n += doc.places().out('array').length;
  n += doc.organizations().out('array').length;
}
console.log(n);
