// wink.js: tokens, sentences and entities of every line of FILE by
// wink-nlp with its English lite model, for `make bench`.
// Usage: NODE_PATH=build/peers/node_modules node wink.js FILE
'use strict';
const fs = require('fs');
const winkNLP = require('wink-nlp');
const model = require('wink-eng-lite-web-model');

const nlp = winkNLP(model);
let n = 0;
for (const line of fs.readFileSync(process.argv[2], 'utf8').split('\n')) {
  if (line.trim() === '') continue;
  const doc = nlp.readDoc(line);
  n += doc.tokens().out().length;
  n += doc.sentences().out().length;
  n += doc.entities().out().length;
}
console.log(n);
