/**
 * The AWS JSON 1.0 protocol as clients meet it: requests AWS's request layer refuses (unknown or missing
 * `X-Amz-Target`, bodies that are not JSON), and the `sync-` host prefix the SDK puts on StartSyncExecution.
 */
import { lookup as dnsLookup } from 'node:dns';
import { Agent } from 'node:http';
import type { LookupFunction } from 'node:net';
import { CreateStateMachineCommand, StartSyncExecutionCommand } from '@aws-sdk/client-sfn';
import { describe, expect, it } from 'vitest';
import { ROLE_ARN, sfnClient } from '../support/sdk-client.js';
import { passChain, type SdkSuiteContext } from './context.js';

const JSON_1_0 = 'application/x-amz-json-1.0';

/** Describes the protocol tests against `ctx`'s server. */
export function describeProtocol(ctx: SdkSuiteContext): void {
  describe('protocol errors (raw HTTP)', () => {
    const post = (headers: Record<string, string>, body: string) =>
      fetch(`${ctx.server.url}/`, { method: 'POST', headers: { 'content-type': JSON_1_0, ...headers }, body });

    it('answers an unknown or missing X-Amz-Target with UnknownOperationException', async () => {
      const targets: Record<string, string>[] = [
        { 'x-amz-target': 'AWSStepFunctions.LaunchRocket' },
        { 'x-amz-target': 'Nope' },
        {},
      ];
      for (const headers of targets) {
        const response = await post(headers, '{}');
        expect(response.status).toBe(400);
        expect(response.headers.get('content-type')).toBe(JSON_1_0);
        expect(await response.json()).toEqual({ __type: 'com.amazon.coral.service#UnknownOperationException' });
      }
    });

    it('answers a body that is not a JSON object with SerializationException', async () => {
      const response = await post({ 'x-amz-target': 'AWSStepFunctions.ListStateMachines' }, 'not json');
      expect(response.status).toBe(400);
      expect(await response.json()).toEqual({ __type: 'com.amazon.coral.service#SerializationException' });
    });
  });

  /**
   * StartSyncExecution (like TestState) carries the endpoint host prefix `sync-` in AWS's model: the SDK sends it to
   * `sync-<endpoint host>`, even for an IP address, unless `disableHostPrefix: true`. `sync-localhost` resolves only
   * where `*.localhost` is mapped to the loopback address (systemd-resolved, nss-myhostname, an /etc/hosts entry);
   * not on a plain Debian with `hosts: files dns`, where these tests were written. So the shared client turns the
   * prefix off, and these tests resolve the prefixed names themselves, as such systems would.
   */
  describe('the sync- host prefix', () => {
    let machineCount = 0;
    async function expressMachine(): Promise<string> {
      const { stateMachineArn } = await ctx.sfn.send(
        new CreateStateMachineCommand({
          name: `host-prefix-${++machineCount}`,
          definition: passChain('One'),
          roleArn: ROLE_ARN,
          type: 'EXPRESS',
        }),
      );
      return stateMachineArn!;
    }

    /** A client of `host` (with the server's port) with host prefixes on, resolving `sync-*` as its base name. */
    function prefixedClient(host: string, looked: string[]) {
      const lookup: LookupFunction = (hostname, options, callback) => {
        looked.push(hostname);
        dnsLookup(hostname.replace(/^sync-/, ''), options, callback);
      };
      return sfnClient(`http://${host}:${ctx.server.port}`, { requestHandler: { httpAgent: new Agent({ lookup }) } });
    }

    it('reaches the server with disableHostPrefix: true', async () => {
      const stateMachineArn = await expressMachine();
      const result = await ctx.sfn.send(new StartSyncExecutionCommand({ stateMachineArn, input: '{}' }));
      expect(result.status).toBe('SUCCEEDED');
    });

    it('is served on sync-localhost when that name resolves', async () => {
      const stateMachineArn = await expressMachine();
      const looked: string[] = [];
      const result = await prefixedClient('localhost', looked).send(new StartSyncExecutionCommand({ stateMachineArn }));
      expect(looked).toContain('sync-localhost');
      expect(result.status).toBe('SUCCEEDED');
    });

    it('is served on sync-127.0.0.1 when that name resolves', async () => {
      const stateMachineArn = await expressMachine();
      const looked: string[] = [];
      const result = await prefixedClient('127.0.0.1', looked).send(new StartSyncExecutionCommand({ stateMachineArn }));
      expect(looked).toEqual(['sync-127.0.0.1']);
      expect(result.status).toBe('SUCCEEDED');
    });
  });
}
