// The rule-evaluation peer: json-rules-engine, used as its documentation advises — one Engine
// holding every rule, run once per entity with that entity's facts. Reads the workload's facts
// (JSON Lines) and rules (rules.json), prints {"pass","fail","no_data","seconds"}.
//
//   node rules_engine_peer.js facts.jsonl rules.json
'use strict';
const fs = require('fs');
const readline = require('readline');
const {Engine} = require('json-rules-engine');

(async () => {
  const [factsPath, rulesPath] = process.argv.slice(2);
  const start = process.hrtime.bigint();
  const spec = JSON.parse(fs.readFileSync(rulesPath, 'utf8'));
  const byEntity = new Map();
  const lines = readline.createInterface({input: fs.createReadStream(factsPath)});
  for await (const line of lines) {
    if (!line) continue;
    const f = JSON.parse(line);
    const key = `${f.indicator}_${f.measure}_${f.period}_${f.kind}`;
    if (!byEntity.has(f.entity)) byEntity.set(f.entity, {});
    byEntity.get(f.entity)[key] = f.value;
  }
  const engine = new Engine([], {allowUndefinedFacts: true});
  engine.addOperator('withinPoints', (a, b) => a !== undefined && b !== undefined && Math.abs(a - b) <= 1);
  engine.addOperator('atLeast', (a, b) => a !== undefined && b !== undefined && a >= b);
  for (const r of spec.rules) {
    const actual = `${r.indicator}_${r.measure}_${r.period}_actual`;
    const target = `${r.indicator}_${r.measure}_${r.period}_target`;
    engine.addRule({name: 'data:' + r.id, conditions: {all: [
      {fact: actual, operator: 'notEqual', value: null},
      {fact: target, operator: 'notEqual', value: null}]}, event: {type: 'data', params: {rule: r.id}}});
    engine.addRule({name: 'pass:' + r.id, conditions: {all: [
      {fact: actual, operator: r.check === 'within' ? 'withinPoints' : 'atLeast', value: {fact: target}}]},
      event: {type: 'pass', params: {rule: r.id}}});
  }
  let pass = 0, fail = 0, noData = 0;
  for (const [, facts] of byEntity) {
    // Facts an entity lacks are undefined: set them so notEqual null sees them.
    const almanac = {};
    for (const r of spec.rules) {
      for (const kind of ['actual', 'target']) {
        const key = `${r.indicator}_${r.measure}_${r.period}_${kind}`;
        almanac[key] = key in facts ? facts[key] : null;
      }
    }
    const {events} = await engine.run(almanac);
    const data = new Set(), passed = new Set();
    for (const e of events) (e.type === 'data' ? data : passed).add(e.params.rule);
    for (const r of spec.rules) {
      if (!data.has(r.id)) noData++;
      else if (passed.has(r.id)) pass++;
      else fail++;
    }
  }
  const seconds = Number(process.hrtime.bigint() - start) / 1e9;
  console.log(JSON.stringify({pass, fail, no_data: noData, seconds}));
})().catch(e => { console.error(e); process.exit(1); });
