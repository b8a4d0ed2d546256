import { describe, expect, it } from 'vitest';
import {
  type MapRunChild,
  resultDestination,
  resultEntry,
  resultObjects,
  transformResults,
} from './result-writer-files.js';

const RUN = 'arn:aws:states:us-east-1:123456789012:mapRun:orders/Map:ad9b5f27-090b-3ac6-9beb-243cd77144a7';
const CHILD = 'arn:aws:states:us-east-1:123456789012:execution:orders/Map:';

function succeeded(name: string, input: unknown, output: unknown): MapRunChild {
  return {
    status: 'SUCCEEDED',
    inputText: JSON.stringify(input),
    outputText: JSON.stringify(output),
    executionArn: CHILD + name,
    name,
    stateMachineArn: 'arn:aws:states:us-east-1:123456789012:stateMachine:orders/Map',
    startDate: Date.parse('2025-02-04T01:49:50.099Z'),
    stopDate: Date.parse('2025-02-04T01:49:50.163Z'),
  };
}

const failed: MapRunChild = {
  status: 'FAILED',
  inputText: '{"id":3}',
  error: 'States.TaskFailed',
  cause: 'boom',
  executionArn: `${CHILD}c`,
  name: 'c',
  stateMachineArn: 'arn:aws:states:us-east-1:123456789012:stateMachine:orders/Map',
  startDate: 0,
  stopDate: 1,
};
const pending: MapRunChild = { status: 'PENDING', inputText: '{"id":4}' };

describe('resultEntry', () => {
  it("is the guide's NONE entry for a succeeded child: texts of input and output, ISO dates, keys in AWS's order", () => {
    const entry = resultEntry(succeeded('a', { id: 1 }, [{ order_id: '100000' }]));
    expect(entry).toEqual({
      ExecutionArn: `${CHILD}a`,
      Input: '{"id":1}',
      InputDetails: { Included: true },
      Name: 'a',
      Output: '[{"order_id":"100000"}]',
      OutputDetails: { Included: true },
      RedriveCount: 0,
      RedriveStatus: 'NOT_REDRIVABLE',
      RedriveStatusReason: 'Execution is SUCCEEDED and cannot be redriven',
      StartDate: '2025-02-04T01:49:50.099Z',
      StateMachineArn: 'arn:aws:states:us-east-1:123456789012:stateMachine:orders/Map',
      Status: 'SUCCEEDED',
      StopDate: '2025-02-04T01:49:50.163Z',
    });
    expect(Object.keys(entry)).toEqual(Object.keys(entry).sort());
  });

  it('gives a failed child its Error and Cause (first), no output, redrivable by its Map Run', () => {
    const entry = resultEntry(failed);
    expect(Object.keys(entry)).toEqual(Object.keys(entry).sort());
    expect(entry).toMatchObject({ Cause: 'boom', Error: 'States.TaskFailed', RedriveStatus: 'REDRIVABLE_BY_MAP_RUN' });
    expect(entry).not.toHaveProperty('Output');
    expect(resultEntry(pending)).toEqual({ Input: '{"id":4}', InputDetails: { Included: true }, Status: 'PENDING' });
  });

  it('counts the redrives of a child its Map Run redrove', () => {
    expect(resultEntry({ ...failed, redriveCount: 1 })).toMatchObject({ RedriveCount: 1 });
  });
});

describe('transformResults', () => {
  const children = [succeeded('a', 1, [1, 2]), succeeded('b', 2, { x: 1 }), failed];

  it('COMPACT keeps the outputs, FLATTEN spreads the arrays; a failed child keeps its entry', () => {
    expect(transformResults(children, 'COMPACT')).toEqual([[1, 2], { x: 1 }, resultEntry(failed)]);
    expect(transformResults(children, 'FLATTEN')).toEqual([1, 2, { x: 1 }, resultEntry(failed)]);
    expect(transformResults(children, 'NONE')).toEqual(children.map(resultEntry));
  });
});

describe('resultObjects', () => {
  it('writes one file per status that has children, then the manifest listing them with their sizes', () => {
    const children = [succeeded('a', 1, 'one'), failed, succeeded('b', 2, 'two'), pending];
    const destination = resultDestination(RUN, 'out', 'jobs');
    const objects = resultObjects(children, 'COMPACT', RUN, destination);
    const folder = 'jobs/ad9b5f27-090b-3ac6-9beb-243cd77144a7/';
    expect(objects.map((o) => o.key)).toEqual([
      `${folder}SUCCEEDED_0.json`,
      `${folder}FAILED_0.json`,
      `${folder}PENDING_0.json`,
      `${folder}manifest.json`,
    ]);
    expect(objects[0].body).toEqual(['one', 'two']);
    const size = (i: number) => new TextEncoder().encode(JSON.stringify(objects[i].body)).length;
    expect(objects[3].body).toEqual({
      DestinationBucket: 'out',
      MapRunArn: RUN,
      ResultFiles: {
        FAILED: [{ Key: `${folder}FAILED_0.json`, Size: size(1) }],
        PENDING: [{ Key: `${folder}PENDING_0.json`, Size: size(2) }],
        SUCCEEDED: [{ Key: `${folder}SUCCEEDED_0.json`, Size: size(0) }],
      },
    });
  });

  it('writes no FAILED nor PENDING file when every child succeeded', () => {
    const objects = resultObjects([succeeded('a', 1, 1)], 'NONE', RUN, resultDestination(RUN, 'out', ''));
    expect(objects.map((o) => o.key)).toEqual([
      'ad9b5f27-090b-3ac6-9beb-243cd77144a7/SUCCEEDED_0.json',
      'ad9b5f27-090b-3ac6-9beb-243cd77144a7/manifest.json',
    ]);
    expect((objects[1].body as { ResultFiles: object }).ResultFiles).toMatchObject({ FAILED: [], PENDING: [] });
  });

  it('starts the next file of a status past the size limit', () => {
    const children = ['aaaa', 'bbbb', 'cccc'].map((s, i) => succeeded(String(i), i, s));
    // "aaaa" is 6 bytes of JSON: [..,..] holds two within 15 bytes.
    const objects = resultObjects(children, 'COMPACT', RUN, resultDestination(RUN, 'out', 'p/'), 15);
    expect(objects.map((o) => [o.key.split('/').at(-1), o.body])).toEqual([
      ['SUCCEEDED_0.json', ['aaaa', 'bbbb']],
      ['SUCCEEDED_1.json', ['cccc']],
      ['manifest.json', expect.anything()],
    ]);
  });
});
