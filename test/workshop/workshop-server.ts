// Shared by the workshop's end-to-end tests: `lockstep serve` (the built CLI) over a scratch store, serving one
// exercise's functions folder, and the few AWS SDK calls a user makes to run an example.
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { CreateStateMachineCommand, SFNClient } from '@aws-sdk/client-sfn';
import { repoRoot, startServe, stopProcess } from '../support/serve-process.js';

export { historyOf, runToCompletion } from '../support/sfn-calls.js';

const credentials = { accessKeyId: 'local', secretAccessKey: 'local' };
const roleArn = 'arn:aws:iam::123456789012:role/lockstep';

/** A running `lockstep serve` for one workshop exercise. */
export interface WorkshopServer {
  /** The endpoint the server printed. */
  url: string;
  /** A Step Functions client for it (host prefixes off, for StartSyncExecution). */
  sfn: SFNClient;
  /** Everything the server wrote on stdout and stderr (its functions' console output included). */
  output: () => string;
  /** Stops the server with SIGTERM, waits for it to exit and removes its store. */
  close: () => Promise<void>;
}

/** Options of {@link startWorkshopServer}. */
export interface WorkshopServerOptions {
  /** Extra `lockstep serve` arguments. */
  args?: string[];
  /**
   * Serve on a port chosen beforehand and give the server (so its functions) `AWS_ENDPOINT_URL_SFN`, for functions
   * that call the Step Functions API back, as a user sets the variable before `npm start`.
   */
  sfnEndpointForFunctions?: boolean;
}

/** The folder of an exercise under `examples/workshop/`. */
export function exerciseDir(exercise: string): string {
  return join(repoRoot, 'examples/workshop', exercise);
}

/** Reads a file of an exercise as text. */
export function readExerciseFile(exercise: string, file: string): string {
  return readFileSync(join(exerciseDir(exercise), file), 'utf8');
}

/** Starts `lockstep serve --port 0` on a temporary store with `--functions examples/workshop/<exercise>/functions`. */
export async function startWorkshopServer(
  exercise: string,
  options: WorkshopServerOptions = {},
): Promise<WorkshopServer> {
  const data = mkdtempSync(join(tmpdir(), `lockstep-workshop-${exercise}-`));
  const port = options.sfnEndpointForFunctions ? await freePort() : 0;
  const env: NodeJS.ProcessEnv = {
    ...process.env,
    AWS_ACCESS_KEY_ID: credentials.accessKeyId,
    AWS_SECRET_ACCESS_KEY: credentials.secretAccessKey,
    AWS_REGION: 'us-east-1',
  };
  if (options.sfnEndpointForFunctions) env.AWS_ENDPOINT_URL_SFN = `http://127.0.0.1:${port}`;
  const functions = join(exerciseDir(exercise), 'functions');
  const argv = ['--port', String(port), '--data', data, '--functions', functions, ...(options.args ?? [])];
  const cleanUp = () => rmSync(data, { recursive: true, force: true });
  try {
    const server = await startServe(argv, { env });
    const sfn = new SFNClient({ endpoint: server.url, region: 'us-east-1', credentials, disableHostPrefix: true });
    return {
      url: server.url,
      sfn,
      output: server.output,
      close: async () => {
        sfn.destroy();
        await stopProcess(server.child);
        cleanUp();
      },
    };
  } catch (err) {
    cleanUp();
    throw err;
  }
}

/** A port free right now (the server is started on it at once; needed only when functions must know it). */
function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const probe = createServer();
    probe.once('error', reject);
    probe.listen(0, '127.0.0.1', () => {
      const address = probe.address();
      probe.close(() =>
        typeof address === 'object' && address ? resolve(address.port) : reject(new Error('no port')),
      );
    });
  });
}

/** Creates the state machine of an exercise's definition file; resolves with its ARN. */
export async function createStateMachine(
  sfn: SFNClient,
  exercise: string,
  file: string,
  name: string,
  type: 'STANDARD' | 'EXPRESS' = 'STANDARD',
): Promise<string> {
  const definition = readExerciseFile(exercise, file);
  const { stateMachineArn } = await sfn.send(new CreateStateMachineCommand({ name, definition, roleArn, type }));
  return stateMachineArn!;
}
