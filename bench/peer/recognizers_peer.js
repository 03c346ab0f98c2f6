// The peer of kaohe's extraction benchmark: Microsoft Recognizers-Text's Chinese number
// recogniser, run over every line of the files named on the command line. It only finds the
// numbers (kaohe also reads indicators, places, years and kinds). Prints one JSON line:
// {"bytes":…, "seconds":…, "numbers":…}.
'use strict';
const fs = require('fs');
const Suite = require('@microsoft/recognizers-text-suite');
const {NumberRecognizer} = require('@microsoft/recognizers-text-number');

// One recogniser and model built once and reused, as the library advises for throughput.
const model = new NumberRecognizer(Suite.Culture.Chinese).getNumberModel();
let bytes = 0;
let numbers = 0;
const start = process.hrtime.bigint();
for (const file of process.argv.slice(2)) {
  const text = fs.readFileSync(file, 'utf8');
  bytes += Buffer.byteLength(text, 'utf8');
  for (const line of text.split('\n')) {
    if (line.length > 0) numbers += model.parse(line).length;
  }
}
const seconds = Number(process.hrtime.bigint() - start) / 1e9;
console.log(JSON.stringify({bytes, seconds, numbers}));
