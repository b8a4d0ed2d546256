#!/usr/bin/env node
// StartSyncExecution latency over HTTP: `lockstep serve` runs as a child process (in-memory store, as
// Express executions are never stored) and autocannon sends StartSyncExecution requests of a 5-state Express
// machine at a fixed rate. Prints the latency percentiles and the error count.
//
// Usage (from the project root, after `npm run build`): node bench/sync-latency.mjs [--rate 1000] [--seconds 10]

import { spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import autocannon from 'autocannon';

const argv = process.argv.slice(2);
const option = (name, fallback) => {
  const i = argv.indexOf(name);
  return i === -1 ? fallback : Number(argv[i + 1]);
};
const rate = option('--rate', 1000);
const seconds = option('--seconds', 10);
const cli = fileURLToPath(new URL('../packages/cli/dist/main.js', import.meta.url));

const definition = JSON.stringify({
  StartAt: 'Prepare',
  States: {
    Prepare: {
      Type: 'Pass',
      Parameters: { 'order.$': '$.order', 'total.$': 'States.MathAdd($.order.amount, 5)' },
      Next: 'Check',
    },
    Check: {
      Type: 'Choice',
      Choices: [{ Variable: '$.total', NumericGreaterThan: 100, Next: 'Large' }],
      Default: 'Small',
    },
    Large: { Type: 'Pass', Result: 'large', ResultPath: '$.size', Next: 'Done' },
    Small: { Type: 'Pass', Result: 'small', ResultPath: '$.size', Next: 'Done' },
    Done: { Type: 'Succeed' },
  },
});

const server = spawn(process.execPath, [cli, 'serve', '--memory', '--port', '0'], {
  stdio: ['ignore', 'pipe', 'inherit'],
});
try {
  const url = await new Promise((resolve, reject) => {
    let out = '';
    server.stdout.on('data', (d) => {
      out += d;
      const match = /at (http:\/\/\S+) /.exec(out);
      if (match) resolve(match[1]);
    });
    server.on('exit', (code) => reject(new Error(`lockstep serve exited with ${code}`)));
  });
  const call = async (target, body) => {
    const response = await fetch(url, {
      method: 'POST',
      headers: { 'content-type': 'application/x-amz-json-1.0', 'x-amz-target': `AWSStepFunctions.${target}` },
      body: JSON.stringify(body),
    });
    return response.json();
  };
  const { stateMachineArn } = await call('CreateStateMachine', {
    name: 'sync-bench',
    definition,
    roleArn: 'arn:aws:iam::123456789012:role/bench',
    type: 'EXPRESS',
  });
  const request = {
    method: 'POST',
    headers: { 'content-type': 'application/x-amz-json-1.0', 'x-amz-target': 'AWSStepFunctions.StartSyncExecution' },
    body: JSON.stringify({ stateMachineArn, input: JSON.stringify({ order: { id: 'o-1', amount: 120 } }) }),
  };
  // Warm up the JIT and the connection pool before measuring.
  await autocannon({ url, ...request, duration: 2, connections: 10, overallRate: rate });
  const result = await autocannon({ url, ...request, duration: seconds, connections: 10, overallRate: rate });
  const check = await call('StartSyncExecution', JSON.parse(request.body));
  console.log(
    `node ${process.version} | StartSyncExecution of a 5-state Express machine | ${rate} requests/s for ${seconds} s`,
  );
  console.log(
    `requests: ${result.requests.total} (${result.requests.average}/s), errors: ${result.errors}, non-2xx: ${result.non2xx}, timeouts: ${result.timeouts}`,
  );
  console.log(
    `latency ms: p50 ${result.latency.p50}, p90 ${result.latency.p90}, p99 ${result.latency.p99}, max ${result.latency.max}`,
  );
  console.log(`a response: status ${check.status}, output ${check.output}`);
} finally {
  server.kill('SIGTERM');
}
