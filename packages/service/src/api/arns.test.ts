import { describe, expect, it } from 'vitest';
import {
  activityArn,
  executionArn,
  expressExecutionArn,
  parseArn,
  resolveActivityArn,
  resolveExecutionArn,
  resolveStateMachineArn,
  stateMachineArn,
  stateMachineVersionArn,
} from './arns.js';

const scope = { region: 'us-east-1', accountId: '123456789012' };
const machine = 'arn:aws:states:us-east-1:123456789012:stateMachine:Machine';

function messageOf(fn: () => unknown): string {
  try {
    fn();
  } catch (error) {
    return `${(error as { code: string }).code}: ${(error as Error).message}`;
  }
  throw new Error('expected an error');
}

describe('building ARNs', () => {
  it("uses AWS's formats", () => {
    expect(stateMachineArn(scope, 'Machine')).toBe(machine);
    expect(stateMachineVersionArn(machine, 3)).toBe(`${machine}:3`);
    expect(executionArn(scope, 'Machine', 'run')).toBe('arn:aws:states:us-east-1:123456789012:execution:Machine:run');
    expect(expressExecutionArn(scope, 'Machine', 'run', 'id')).toBe(
      'arn:aws:states:us-east-1:123456789012:express:Machine:run:id',
    );
    expect(activityArn(scope, 'work')).toBe('arn:aws:states:us-east-1:123456789012:activity:work');
  });

  it('parses what it builds', () => {
    expect(parseArn(`${machine}:3`)).toEqual({
      partition: 'aws',
      region: 'us-east-1',
      accountId: '123456789012',
      resourceType: 'stateMachine',
      resource: ['Machine', '3'],
    });
    expect(parseArn('not_a_valid_arn')).toBeUndefined();
    expect(parseArn('arn:aws:lambda:us-east-1:123456789012:function:f')).toBeUndefined();
  });
});

describe('resolveStateMachineArn', () => {
  it('reads unqualified, version and alias ARNs', () => {
    expect(resolveStateMachineArn(machine)).toEqual({ arn: machine, stateMachineArn: machine, name: 'Machine' });
    expect(resolveStateMachineArn(`${machine}:12`)).toEqual({
      arn: `${machine}:12`,
      stateMachineArn: machine,
      name: 'Machine',
      version: 12,
    });
    expect(resolveStateMachineArn(`${machine}:prod`).alias).toBe('prod');
  });

  it("throws AWS's InvalidArn", () => {
    expect(messageOf(() => resolveStateMachineArn('not_a_valid_arn'))).toBe(
      "InvalidArn: Invalid Arn: 'Invalid ARN prefix: not_a_valid_arn'",
    );
    expect(messageOf(() => resolveStateMachineArn('arn:aws:states:us-east-1:123456789012:activity:a'))).toBe(
      "InvalidArn: Invalid Arn: 'Resource type not valid in this context: activity'",
    );
    expect(messageOf(() => resolveStateMachineArn(`${machine}:1:2`))).toBe(
      `InvalidArn: Invalid Arn: 'Invalid ARN: ${machine}:1:2'`,
    );
  });
});

describe('resolveExecutionArn', () => {
  const standard = 'arn:aws:states:us-east-1:123456789012:execution:Machine:run';
  const express = 'arn:aws:states:us-east-1:123456789012:express:Machine:run:5f0c';

  it('reads Standard and (when allowed) Express execution ARNs', () => {
    expect(resolveExecutionArn(standard)).toEqual({
      arn: standard,
      stateMachineName: 'Machine',
      executionName: 'run',
      express: false,
    });
    expect(resolveExecutionArn(express, { allowExpress: true }).express).toBe(true);
  });

  it("refuses Express execution ARNs where AWS does, with AWS's message", () => {
    expect(messageOf(() => resolveExecutionArn(express))).toBe(
      "InvalidArn: Invalid Arn: 'Resource type not valid in this context: express'",
    );
    expect(messageOf(() => resolveExecutionArn(machine))).toBe(
      "InvalidArn: Invalid Arn: 'Resource type not valid in this context: stateMachine'",
    );
    expect(messageOf(() => resolveExecutionArn('invalid_state_machine_arn'))).toBe(
      "InvalidArn: Invalid Arn: 'Invalid ARN prefix: invalid_state_machine_arn'",
    );
  });
});

describe('resolveActivityArn', () => {
  it('reads activity ARNs and refuses others', () => {
    const arn = 'arn:aws:states:us-east-1:123456789012:activity:work';
    expect(resolveActivityArn(arn)).toEqual({ arn, name: 'work' });
    expect(messageOf(() => resolveActivityArn('no_an_activity_arn'))).toBe(
      "InvalidArn: Invalid Arn: 'Invalid ARN prefix: no_an_activity_arn'",
    );
  });
});
