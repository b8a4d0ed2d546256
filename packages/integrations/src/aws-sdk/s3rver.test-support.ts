/**
 * An S3 for tests: s3rver (a local S3 server) on a free port over a temporary directory, with its buckets, an S3
 * client on it, and what the AWS SDK integration needs to reach it.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { S3Client } from '@aws-sdk/client-s3';

interface S3rver {
  run(): Promise<{ port: number }>;
  close(): Promise<void>;
}
type S3rverClass = new (options: Record<string, unknown>) => S3rver;
const S3rver = createRequire(import.meta.url)('s3rver') as S3rverClass;

/** The credentials s3rver takes. */
export const S3RVER_CREDENTIALS = { accessKeyId: 'S3RVER', secretAccessKey: 'S3RVER' };

/** A running s3rver. */
export interface LocalS3 {
  /** `http://127.0.0.1:<port>`. */
  endpoint: string;
  /** An S3 client on it (path-style addressing, as s3rver wants). */
  client: S3Client;
  /** Stops the server and deletes its directory. */
  close(): Promise<void>;
}

/** Starts s3rver with `buckets`. */
export async function startLocalS3(buckets: string[]): Promise<LocalS3> {
  const directory = mkdtempSync(join(tmpdir(), 'lockstep-s3rver-'));
  const configureBuckets = buckets.map((name) => ({ name }));
  const server = new S3rver({ port: 0, address: '127.0.0.1', silent: true, directory, configureBuckets });
  const { port } = await server.run();
  const endpoint = `http://127.0.0.1:${port}`;
  const client = new S3Client({ region: 'us-east-1', credentials: S3RVER_CREDENTIALS, endpoint, forcePathStyle: true });
  return {
    endpoint,
    client,
    async close() {
      client.destroy();
      await server.close();
      rmSync(directory, { recursive: true, force: true });
    },
  };
}
