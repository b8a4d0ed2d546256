#!/usr/bin/env node
// The cost of JSONata per transition: two workloads of ../shared/bench (pass-chain, choice-loop) run in their
// JSONPath form and in an equivalent JSONata form, on our engine, each (variant, workload, round) in a fresh
// child process, alternating. Prints transitions per second of each form and the ratio JSONata / JSONPath.
//
// Usage (from the project root, after `npm run build`): node bench/jsonata-cost.mjs [--rounds 3]

import { spawn } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { isDeepStrictEqual } from 'node:util';

const here = dirname(fileURLToPath(import.meta.url));
const shared = join(here, '..', '..', 'shared', 'bench', 'workloads');
const manifest = JSON.parse(readFileSync(join(shared, 'manifest.json'), 'utf8')).workloads;

/** pass-chain: each Pass sets `counter` to {value: value + 1, label: meta.name}, as the JSONPath form does. */
function passChainJsonata() {
  const states = {};
  for (let i = 0; i < 1000; i++) {
    const name = `Step${String(i).padStart(4, '0')}`;
    states[name] = {
      Type: 'Pass',
      Output:
        "{% $merge([$states.input, {'counter': {'value': $states.input.counter.value + 1, 'label': $states.input.meta.name}}]) %}",
      ...(i === 999 ? { End: true } : { Next: `Step${String(i + 1).padStart(4, '0')}` }),
    };
  }
  return { QueryLanguage: 'JSONata', StartAt: 'Step0000', States: states };
}

/** choice-loop: Increment (i + 1) -> Check (i < 10000) -> back; Done. */
function choiceLoopJsonata() {
  return {
    QueryLanguage: 'JSONata',
    StartAt: 'Increment',
    States: {
      Increment: { Type: 'Pass', Output: "{% {'i': $states.input.i + 1} %}", Next: 'Check' },
      Check: {
        Type: 'Choice',
        Choices: [{ Condition: '{% $states.input.i < 10000 %}', Next: 'Increment' }],
        Default: 'Done',
      },
      Done: { Type: 'Succeed' },
    },
  };
}

const JSONATA = { 'pass-chain': passChainJsonata, 'choice-loop': choiceLoopJsonata };

function definitionOf(workload, variant) {
  if (variant === 'JSONata') return JSON.stringify(JSONATA[workload]());
  return readFileSync(join(shared, manifest[workload].definition), 'utf8');
}

async function child(workload, variant) {
  const { runExecution } = await import('@lockstep/engine');
  const w = manifest[workload];
  const definition = definitionOf(workload, variant);
  const input = JSON.parse(readFileSync(join(shared, w.input), 'utf8'));
  const t0 = performance.now();
  let output;
  for (let r = 0; r < w.runs; r++) {
    const result = await runExecution({ definition, input, type: 'STANDARD', clock: 'virtual' });
    if (result.status !== 'SUCCEEDED') throw new Error(`${variant} ${workload}: ${result.error} ${result.cause}`);
    output = result.output;
  }
  const ms = performance.now() - t0;
  return { workload, variant, transitionsPerSec: w.transitionsTotal / (ms / 1000), output };
}

function runChild(workload, variant) {
  return new Promise((done, fail) => {
    const p = spawn(process.execPath, [fileURLToPath(import.meta.url), '--child', workload, variant], {
      stdio: ['ignore', 'pipe', 'inherit'],
    });
    let out = '';
    p.stdout.on('data', (d) => (out += d));
    p.on('close', (code) =>
      code === 0 ? done(JSON.parse(out)) : fail(new Error(`${variant} ${workload}: exit ${code}`)),
    );
  });
}

const median = (xs) => [...xs].sort((a, b) => a - b)[xs.length >> 1];

if (process.argv[2] === '--child') {
  console.log(JSON.stringify(await child(process.argv[3], process.argv[4])));
} else {
  const i = process.argv.indexOf('--rounds');
  const rounds = i === -1 ? 3 : Number(process.argv[i + 1]);
  console.log(`node ${process.version} | ${rounds} rounds | transitions per second, median`);
  console.log('workload      JSONPath    JSONata  JSONata/JSONPath');
  for (const workload of Object.keys(JSONATA)) {
    const results = { JSONPath: [], JSONata: [] };
    const outputs = {};
    for (let r = 0; r < rounds; r++) {
      for (const variant of ['JSONPath', 'JSONata']) {
        const result = await runChild(workload, variant);
        results[variant].push(result.transitionsPerSec);
        outputs[variant] = result.output;
      }
    }
    if (!isDeepStrictEqual(outputs.JSONPath, outputs.JSONata)) throw new Error(`${workload}: the two forms disagree`);
    const [path, ata] = [median(results.JSONPath), median(results.JSONata)];
    const fmt = (x) => Math.round(x).toLocaleString('en-US').padStart(10);
    console.log(`${workload.padEnd(12)}${fmt(path)} ${fmt(ata)}  ${(ata / path).toFixed(2)}`);
  }
}
