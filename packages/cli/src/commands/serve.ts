/**
 * `lockstep serve`: the Step Functions API on an embedded SQLite store, until SIGINT or SIGTERM. Step Functions
 * Local's testing options work the same: a mock configuration (`--mock-config`, `SFN_MOCK_CONFIG`, or
 * `MockConfigFile.json` in the working directory) whose test cases run on `<stateMachineArn>#<TestCase>`, and
 * `WAIT_TIME_SCALE`. The project's configuration file (`lockstep.config.json`, or `--config`) says where Lambda
 * functions run and declares HTTP Tasks' connections.
 */
import { mkdir } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { dirname, join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { parseOrUsageError } from '../args.js';
import type { Command } from '../command.js';
import { loadConfigFile } from '../config-file.js';
import { describeError } from '../engine.js';
import { CliError, ExitCode, usageError } from '../exit.js';
import { type CliIO, fileExists, readTextFile } from '../io.js';

const DEFAULT_PORT = 8083;
const DEFAULT_ACCOUNT = '123456789012';
const DEFAULT_REGION = 'us-east-1';
const DATABASE_FILE = 'lockstep.db';
/** The mock configuration Step Functions Local reads from its working directory when `SFN_MOCK_CONFIG` is not set. */
const DEFAULT_MOCK_CONFIG = 'MockConfigFile.json';

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
  --mock-config <file>  Mocked responses, in Step Functions Local's MockConfigFile.json format: start an
                     execution on '<stateMachineArn>#<TestCase>' to run a test case (default: $SFN_MOCK_CONFIG,
                     else ./MockConfigFile.json when there is one)
  --functions <dir>  Folder of the local Lambda functions Task states call: <dir>/<name>.{js,mjs,ts} or
                     <dir>/<name>/index.*, exporting handler(event, context) (default: ./functions)
  --connections <file>  EventBridge connections for HTTP Tasks, as JSON: { "<connectionArn>": {
                     "authorizationType": "API_KEY" | "BASIC" | "OAUTH_CLIENT_CREDENTIALS",
                     "authParameters": <CreateConnection's AuthParameters> } }
  --config <file>    Project configuration (default: ./lockstep.config.json when there is one), JSON with:
                     "functions": { "<name>": where the function runs: { "module": "<path, relative to the
                       file>", "handler", "timeoutSeconds", "memoryMb", "environment" }, or { "type": "http",
                       "url", "headers", "timeoutSeconds" }, or { "type": "aws", "endpoint", "region",
                       "credentials", "functionName" } },
                     "defaultFunctionTarget": where other functions run: { "type": "local" } (the
                       functions folder), or an "http" or "aws" target as above ("{functionName}" in an
                       http url is the function's name),
                     "connections": as --connections takes them (--connections' win)
  --wait-time-scale <n>  Scale of the delay of Wait states, as Step Functions Local: 0.5 halves it, 0 skips it
                     (default: $WAIT_TIME_SCALE, else 1)
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
    const [service, sqlite, server, integrations] = await Promise.all([
      import('@lockstep/service'),
      import('@lockstep/store-sqlite'),
      import('@lockstep/server'),
      import('@lockstep/integrations'),
    ]);
    return { service, sqlite, server, integrations };
  } catch (err) {
    throw new CliError(
      `cannot load the service packages: ${describeError(err)}`,
      ExitCode.Internal,
      "Build the project first: 'npm run build'.",
    );
  }
}

/**
 * The web console's build folder (`@lockstep/console`'s `dist/`; the server says how to build it when it is
 * missing), or undefined when the console package is not installed.
 */
function consoleDir(): string | undefined {
  try {
    return join(dirname(createRequire(import.meta.url).resolve('@lockstep/console/package.json')), 'dist');
  } catch {
    return undefined;
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

function parseWaitTimeScale(text: string | undefined): number | undefined {
  if (text === undefined) return undefined;
  const scale = Number(text);
  if (text.trim() === '' || !(Number.isFinite(scale) && scale >= 0)) {
    throw usageError(`--wait-time-scale (WAIT_TIME_SCALE) must be a number >= 0, not '${text}'`, 'serve');
  }
  return scale;
}

/**
 * The mock configuration to serve, and where it comes from: the named file (`--mock-config`, else
 * `SFN_MOCK_CONFIG`), or `MockConfigFile.json` in the working directory if there is one, as Step Functions Local.
 */
async function loadMockConfig(io: CliIO, named: string | undefined) {
  let path = named;
  if (path === undefined) {
    path = resolve(io.cwd, DEFAULT_MOCK_CONFIG);
    if (!(await fileExists(path))) return undefined;
  }
  const text = await readTextFile(io, path, 'mock configuration file');
  let integrations: typeof import('@lockstep/integrations');
  try {
    integrations = await import('@lockstep/integrations');
  } catch (err) {
    throw new CliError(
      `cannot load @lockstep/integrations: ${describeError(err)}`,
      ExitCode.Internal,
      "Build the project first: 'npm run build'.",
    );
  }
  try {
    return { path, config: integrations.parseMockConfig(text, { source: path }) };
  } catch (err) {
    if (err instanceof integrations.MockConfigError) throw new CliError(err.message, ExitCode.BadRequest);
    throw err;
  }
}

/** The HTTP Task connections of `--connections <file>` (none without it). */
async function loadConnections(io: CliIO, path: string | undefined) {
  if (path === undefined) return undefined;
  const text = await readTextFile(io, path, 'connections file');
  try {
    return JSON.parse(text) as NonNullable<import('@lockstep/integrations').HttpTaskConfig['connections']>;
  } catch (err) {
    throw new CliError(`connections file '${path}' is not JSON: ${describeError(err)}`, ExitCode.BadRequest);
  }
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
        'mock-config': { type: 'string' },
        'wait-time-scale': { type: 'string' },
        functions: { type: 'string' },
        connections: { type: 'string' },
        config: { type: 'string' },
      },
    }),
  );
  const env = process.env;
  const port = parsePort(values.port ?? env.LOCKSTEP_PORT);
  const accountId = values.account ?? env.AWS_ACCOUNT_ID ?? DEFAULT_ACCOUNT;
  const region = values.region ?? env.AWS_REGION ?? env.AWS_DEFAULT_REGION ?? DEFAULT_REGION;
  // An empty variable counts as unset, as a shell's `VAR= lockstep serve` means.
  const waitTimeScale = parseWaitTimeScale(values['wait-time-scale'] ?? (env.WAIT_TIME_SCALE || undefined));
  const mock = await loadMockConfig(io, values['mock-config'] ?? (env.SFN_MOCK_CONFIG || undefined));
  const config = await loadConfigFile(io, values.config);
  const { service: serviceModule, sqlite, server: serverModule, integrations } = await loadServicePackages();
  // Lambda functions run where the config file maps them, else from the project's functions folder; AWS services
  // are called through the AWS SDK at the endpoints the usual AWS_ENDPOINT_URL* variables name.
  const lambda = integrations.lambdaIntegration({
    baseDir: io.cwd,
    functionsDir: values.functions ?? 'functions',
    functions: config?.functions,
    default: config?.defaultFunctionTarget,
    region,
    accountId,
  });
  const awsSdk = integrations.awsSdkIntegration({ resolveFrom: io.cwd });
  const fileConnections = await loadConnections(io, values.connections);
  const connections =
    config?.connections || fileConnections ? { ...config?.connections, ...fileConnections } : undefined;
  let http: ReturnType<typeof integrations.httpIntegration>;
  try {
    http = integrations.httpIntegration({
      region,
      connections,
      // Connections created with `aws events create-connection` are in the store; the file's win.
      resolveConnection: (arn) =>
        service.resolveConnection(arn) as Promise<import('@lockstep/integrations').ConnectionConfig | undefined>,
    });
  } catch (err) {
    const files = [values.connections, config?.connections && config.path].filter(Boolean).join(', ');
    throw new CliError(`bad connections (${files}): ${describeError(err)}`, ExitCode.BadRequest);
  }

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
    mockConfig: mock?.config,
    waitTimeScale,
    integrations: [lambda, awsSdk, http],
  });
  service.start();
  let running: Awaited<ReturnType<typeof serverModule.startServer>>;
  try {
    running = await serverModule.startServer({
      operations: service.operations,
      eventsOperations: service.eventsOperations,
      host: values.host,
      port,
      consoleDir: consoleDir(),
    });
  } catch (err) {
    await service.stop();
    await lambda.close();
    await store.close();
    throw new CliError(`cannot listen: ${describeError(err)}`, ExitCode.BadRequest);
  }
  const mocks = mock ? `, mock config: ${mock.path}` : '';
  const configured = config ? `, config: ${config.path}` : '';
  io.stdout.write(
    `Lockstep is serving the Step Functions API at ${running.url} (store: ${storeLabel}${mocks}${configured})\n`,
  );
  io.stdout.write(`Open the web console at ${running.url}/\n`);

  await new Promise<void>((done) => {
    process.once('SIGINT', done);
    process.once('SIGTERM', done);
  });
  io.stdout.write('Lockstep is stopping\n');
  await running.close();
  await service.stop();
  await lambda.close();
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
