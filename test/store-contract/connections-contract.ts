/**
 * The contract of EventBridge connections: unique by name, replaced whole, listed in name order with a name prefix
 * and a state filter.
 */
import { describe, expect, it } from 'vitest';
import type { ConnectionRecord, Store } from '../../packages/service/src/index.js';
import { allPages } from './fixtures.js';

/** A connection named `name`, with a secret in its parameters (stores keep it: HTTP Tasks need it). */
function connectionRecord(name: string, overrides: Partial<ConnectionRecord> = {}): ConnectionRecord {
  return {
    connectionArn: `arn:aws:events:us-east-1:123456789012:connection/${name}/6f1d2c3b-5e4a-4b7c-9d8e-0f1a2b3c4d5e`,
    name,
    authorizationType: 'API_KEY',
    authParameters: '{"ApiKeyAuthParameters":{"ApiKeyName":"x-api-key","ApiKeyValue":"s3cr3t-Ä"}}',
    connectionState: 'AUTHORIZED',
    creationTime: 1_700_000_000_000,
    lastModifiedTime: 1_700_000_000_000,
    lastAuthorizedTime: 1_700_000_000_000,
    ...overrides,
  };
}

/** Describes the connection methods of the store `store()` returns. */
export function describeConnections(store: () => Store): void {
  describe('connections', () => {
    it('inserts a connection, refuses its name again, and returns it as stored', async () => {
      const connection = connectionRecord('orders', { description: 'the orders API' });
      expect(await store().insertConnection(connection)).toBe(true);
      expect(await store().insertConnection(connectionRecord('orders', { connectionArn: 'other' }))).toBe(false);
      expect(await store().getConnection('orders')).toEqual(connection);
      expect(await store().getConnection('missing')).toBeUndefined();
    });

    it('leaves optional members absent', async () => {
      const { lastAuthorizedTime: _, ...connection } = connectionRecord('bare');
      await store().insertConnection(connection);
      const stored = await store().getConnection('bare');
      expect(stored).toEqual(connection);
      expect(stored && 'description' in stored).toBe(false);
      expect(stored && 'lastAuthorizedTime' in stored).toBe(false);
    });

    it('replaces a connection whole, and only an existing one', async () => {
      await store().insertConnection(connectionRecord('orders', { description: 'old' }));
      const updated = connectionRecord('orders', {
        authorizationType: 'BASIC',
        authParameters: '{"BasicAuthParameters":{"Username":"u","Password":"p"}}',
        lastModifiedTime: 1_700_000_001_000,
      });
      expect(await store().updateConnection(updated)).toBe(true);
      expect(await store().getConnection('orders')).toEqual(updated);
      expect(await store().updateConnection(connectionRecord('missing'))).toBe(false);
      expect(await store().getConnection('missing')).toBeUndefined();
    });

    it('deletes a connection (a missing one is no error)', async () => {
      await store().insertConnection(connectionRecord('orders'));
      await store().deleteConnection('orders');
      await store().deleteConnection('orders');
      expect(await store().getConnection('orders')).toBeUndefined();
      expect(await store().insertConnection(connectionRecord('orders'))).toBe(true);
    });

    it('lists connections in name order, page by page', async () => {
      for (const name of ['c', 'a', 'b']) await store().insertConnection(connectionRecord(name));
      const pages = await allPages((after) => store().listConnections({ limit: 2, after }));
      expect(pages).toEqual([[connectionRecord('a'), connectionRecord('b')], [connectionRecord('c')]]);
    });

    it('lists only the names with a prefix, and only the connections in a state', async () => {
      await store().insertConnection(connectionRecord('api-a'));
      await store().insertConnection(connectionRecord('api-b', { connectionState: 'AUTHORIZING' }));
      await store().insertConnection(connectionRecord('apix'));
      await store().insertConnection(connectionRecord('other'));
      const names = async (filter: Parameters<Store['listConnections']>[0]) =>
        (await allPages((after) => store().listConnections({ ...filter, after }))).flat().map((c) => c.name);
      expect(await names({ limit: 1, namePrefix: 'api-' })).toEqual(['api-a', 'api-b']);
      expect(await names({ limit: 10, connectionState: 'AUTHORIZED' })).toEqual(['api-a', 'apix', 'other']);
      expect(await names({ limit: 10, namePrefix: 'api', connectionState: 'AUTHORIZING' })).toEqual(['api-b']);
      // LIKE wildcards are plain characters in a prefix.
      expect(await names({ limit: 10, namePrefix: 'api_' })).toEqual([]);
    });
  });
}
