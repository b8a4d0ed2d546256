/**
 * `lockstep serve`: the Step Functions API on an embedded SQLite store, until SIGINT or SIGTERM.
 */
import { mkdir } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { parseOrUsageError } from '../args.js';
import type { Command } from '../command.js';
import { describeError } from '../engine.js';
import { CliError, ExitCode, usageError } from '../exit.js';
import type { CliIO } from '../io.js';

const DEFAULT_PORT = 8083;
const DEFAULT_ACCOUNT = '123456789012';
const DEFAULT_REGION = 'us-east-1';
const DATABASE_FILE = 'lockstep.db';

const usage = `Usage: lockstep serve [options]

Serves the AWS Step Functions API (AWS JSON 1.0) for the AWS CLI, boto3 and the AWS SDKs:
point them at the printed endpoint, e.g. 'aws stepfunctions --endpoint-url http://127.0.0.1:8083 ...'.
Standard executions are durable: they survive a restart. Stops on SIGINT (Ctrl-C) or SIGTERM.

Options:
  --host <address>   Address to listen on (default: 127.0.0.1; the API has no authentication)
  --port <number>    Port to listen on; 0 picks a free one (default: 8083, or $LOCKSTEP_PORT)
  --data <dir>       Directory of the SQLite store (default: ./.lockstep, or $LOCKSTEP_DATA)
  --memory           Keep everything in memory instead (lost when the server stops)
  --account <id>     Account in ARNs (default: $AWS_ACCOUNT_ID, else 123456789012)
  --region <name>    Region in ARNs (default: $AWS_REGION, $AWS_DEFAULT_REGION, else us-east-1)
  --retention-days <n>  Days closed executions are kept (default: 90, as AWS)
  -h, --help         Show this help

Clients send StartSyncExecution (only) to the host 'sync-<endpoint host>', which does not resolve
by itself: turn host prefixes off (AWS SDK for JavaScript: disableHostPrefix: true; boto3:
Config(inject_host_prefix=False)), map 'sync-localhost' to 127.0.0.1 in /etc/hosts, or, for the
AWS CLI, send it through the server as a proxy:
  HTTP_PROXY=http://127.0.0.1:8083 aws --endpoint-url http://localhost:8083 stepfunctions start-sync-execution ...
`;

/** What `serve` needs from the service packages; loaded lazily so that `--help` works without a build. */
async function loadServicePackages() {
  try {
    const [service, sqlite, server] = await Promise.all([
      import('@lockstep/service'),
      import('@lockstep/store-sqlite'),
      import('@lockstep/server'),
    ]);
    return { service, sqlite, server };
  } catch (err) {
    throw new CliError(
      `cannot load the service packages: ${describeError(err)}`,
      ExitCode.Internal,
      "Build the project first: 'npm run build'.",
    );
  }
}

function parsePort(text: string | undefined): number {
  if (text === undefined) return DEFAULT_PORT;
  const port = Number(text);
  if (!Number.isInteger(port) || port < 0 || port > 65_535) {
    throw usageError(`--port must be a port number (0-65535), not '${text}'`, 'serve');
  }
  return port;
}

function parseRetentionDays(text: string | undefined): number | undefined {
  if (text === undefined) return undefined;
  const days = Number(text);
  if (!(days > 0)) throw usageError(`--retention-days must be a positive number, not '${text}'`, 'serve');
  return days;
}

async function execute(argv: string[], io: CliIO): Promise<number> {
  const { values } = parseOrUsageError('serve', () =>
    parseArgs({
      args: argv,
      options: {
        host: { type: 'string' },
        port: { type: 'string' },
        data: { type: 'string' },
        memory: { type: 'boolean' },
        account: { type: 'string' },
        region: { type: 'string' },
        'retention-days': { type: 'string' },
      },
    }),
  );
  const env = process.env;
  const port = parsePort(values.port ?? env.LOCKSTEP_PORT);
  const accountId = values.account ?? env.AWS_ACCOUNT_ID ?? DEFAULT_ACCOUNT;
  const region = values.region ?? env.AWS_REGION ?? env.AWS_DEFAULT_REGION ?? DEFAULT_REGION;
  const { service: serviceModule, sqlite, server: serverModule } = await loadServicePackages();

  let storeLabel = 'in memory';
  let store: Awaited<ReturnType<typeof serviceModule.createMemoryStore>>;
  if (values.memory) {
    store = serviceModule.createMemoryStore();
  } else {
    const dir = resolve(io.cwd, values.data ?? env.LOCKSTEP_DATA ?? '.lockstep');
    await mkdir(dir, { recursive: true });
    storeLabel = join(dir, DATABASE_FILE);
    store = sqlite.openSqliteStore({ path: storeLabel });
  }
  const service = serviceModule.createService({
    store,
    accountId,
    region,
    retentionDays: parseRetentionDays(values['retention-days']),
  });
  service.start();
  let running: Awaited<ReturnType<typeof serverModule.startServer>>;
  try {
    running = await serverModule.startServer({ operations: service.operations, host: values.host, port });
  } catch (err) {
    await service.stop();
    await store.close();
    throw new CliError(`cannot listen: ${describeError(err)}`, ExitCode.BadRequest);
  }
  io.stdout.write(`Lockstep is serving the Step Functions API at ${running.url} (store: ${storeLabel})\n`);

  await new Promise<void>((done) => {
    process.once('SIGINT', done);
    process.once('SIGTERM', done);
  });
  io.stdout.write('Lockstep is stopping\n');
  await running.close();
  await service.stop();
  await store.close();
  return ExitCode.Ok;
}

/** The `serve` command. */
export const serveCommand: Command = {
  name: 'serve',
  summary: 'Serve the Step Functions API on an embedded SQLite store',
  usage,
  execute: (argv, io) => execute(argv, io),
};
