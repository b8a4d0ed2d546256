/**
 * `lockstep test-state`: runs one state as AWS's TestState API does, in process (the service's TestState operation
 * over a memory store), and prints the response JSON.
 */
import { parseArgs } from 'node:util';
import { onePositional, parseOrUsageError } from '../args.js';
import type { Command } from '../command.js';
import { type ConfigFile, loadConfigFile } from '../config-file.js';
import { describeError } from '../engine.js';
import { CliError, ExitCode } from '../exit.js';
import { type CliIO, readInputArgument, readTextFile } from '../io.js';

// Task states need a role on AWS; a local run has no IAM, so a placeholder stands in unless one is given.
const DEFAULT_ROLE_ARN = 'arn:aws:iam::123456789012:role/lockstep-test-state';

const usage = `Usage: lockstep test-state <definition.json> [options]

Runs one state as AWS's TestState API does and prints the response JSON ({status, output, error,
cause, nextState, inspectionData}). The definition is a single state's, or with --state-name a
whole state machine's. Task states call their resource for real (Lambda functions from the
functions folder or lockstep.config.json, AWS services through the AWS SDK, HTTP APIs with the
config file's connections) unless mocked; Map and Parallel states need a mock.

Options:
  --input <json|@file>                 The state input: JSON text, or @path to read it from a file (default: {})
  --state-name <name>                  The state of a whole state machine definition to test
  --inspection-level <level>           INFO, DEBUG or TRACE (default: INFO); TRACE adds an HTTP Task's request
                                       and response
  --reveal-secrets                     At TRACE, show what the HTTP Task's connection adds to the request
  --variables <json|@file>             The workflow variables, as a JSON object
  --mock <json|@file>                  The state's mocked outcome, as TestState's mock:
                                       {"result": "<JSON text>"} or {"errorOutput": {"error": ..., "cause": ...}},
                                       with "fieldValidationMode": STRICT (default), PRESENT or NONE
  --context <json|@file>               The context object ($$) the state reads
  --state-configuration <json|@file>   TestState's stateConfiguration: {"retrierRetryCount": n,
                                       "errorCausedByState": "...", "mapIterationFailureCount": n,
                                       "mapItemReaderData": "<data text>"}
  --role-arn <arn>                     The role a Task state runs with (default: a local placeholder)
  --functions <dir>                    Where Lambda functions live (default: functions)
  --config <file>                      The configuration file (default: ./lockstep.config.json if present)
  -h, --help                           Show this help

Exit codes: 0 the state ran (SUCCEEDED, CAUGHT_ERROR, RETRIABLE); 1 FAILED; 2 bad arguments,
unreadable file or a request AWS rejects; 3 internal error.
`;

async function execute(argv: string[], io: CliIO): Promise<number> {
  const { values, positionals } = parseOrUsageError('test-state', () =>
    parseArgs({
      args: argv,
      allowPositionals: true,
      options: {
        input: { type: 'string' },
        'state-name': { type: 'string' },
        'inspection-level': { type: 'string' },
        variables: { type: 'string' },
        'role-arn': { type: 'string' },
        functions: { type: 'string' },
        mock: { type: 'string' },
        context: { type: 'string' },
        'state-configuration': { type: 'string' },
        'reveal-secrets': { type: 'boolean' },
        config: { type: 'string' },
      },
    }),
  );
  const definitionPath = onePositional('test-state', positionals, '<definition.json>');
  const text = (value: string | undefined) => (value === undefined ? undefined : readInputArgument(io, value));
  const request = {
    definition: await readTextFile(io, definitionPath, 'definition file'),
    input: (await text(values.input)) ?? '{}',
    stateName: values['state-name'],
    inspectionLevel: values['inspection-level'],
    revealSecrets: values['reveal-secrets'],
    variables: await text(values.variables),
    mock: jsonObject('--mock', await text(values.mock)),
    context: await text(values.context),
    stateConfiguration: jsonObject('--state-configuration', await text(values['state-configuration'])),
    roleArn: values['role-arn'] ?? DEFAULT_ROLE_ARN,
  };
  const config = await loadConfigFile(io, values.config);
  const operation = await loadTestState(io, values.functions ?? 'functions', config);
  let response: Record<string, unknown>;
  try {
    response = await operation(request);
  } catch (err) {
    const code = (err as { code?: unknown }).code;
    if (typeof code === 'string') throw new CliError(`${code}: ${(err as Error).message}`, ExitCode.BadRequest);
    throw new CliError(`internal error: ${describeError(err)}`, ExitCode.Internal);
  }
  io.stdout.write(`${JSON.stringify(response, null, 2)}\n`);
  return response.status === 'FAILED' ? ExitCode.Failed : ExitCode.Ok;
}

/** A structure option (`--mock`, `--state-configuration`): JSON text of an object, as the AWS CLI takes it. */
function jsonObject(option: string, text: string | undefined): Record<string, unknown> | undefined {
  if (text === undefined) return undefined;
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (err) {
    throw new CliError(`${option} is not JSON: ${(err as Error).message}`, ExitCode.BadRequest);
  }
  if (value === null || typeof value !== 'object' || Array.isArray(value)) {
    throw new CliError(`${option} must be a JSON object`, ExitCode.BadRequest);
  }
  return value as Record<string, unknown>;
}

/** The service's TestState operation, with the Lambda, AWS SDK and HTTP integrations `serve` uses. */
async function loadTestState(io: CliIO, functionsDir: string, config: ConfigFile | undefined) {
  let modules: [typeof import('@lockstep/service'), typeof import('@lockstep/integrations')];
  try {
    modules = await Promise.all([import('@lockstep/service'), import('@lockstep/integrations')]);
  } catch (err) {
    throw new CliError(
      `cannot load the service packages: ${describeError(err)}`,
      ExitCode.Internal,
      "Build the project first: 'npm run build'.",
    );
  }
  const [service, integrations] = modules;
  const region = 'us-east-1';
  const accountId = '123456789012';
  const lambda = integrations.lambdaIntegration({
    baseDir: io.cwd,
    functionsDir,
    functions: config?.functions,
    default: config?.defaultFunctionTarget,
    region,
    accountId,
  });
  const awsSdk = integrations.awsSdkIntegration({ resolveFrom: io.cwd });
  let http: ReturnType<typeof integrations.httpIntegration>;
  try {
    http = integrations.httpIntegration({ region, connections: config?.connections });
  } catch (err) {
    throw new CliError(`bad connections (${config?.path}): ${describeError(err)}`, ExitCode.BadRequest);
  }
  const { operations } = service.createService({
    store: service.createMemoryStore(),
    region,
    accountId,
    integrations: [lambda, awsSdk, http],
  });
  return operations.TestState!;
}

/** The `test-state` command. */
export const testStateCommand: Command = {
  name: 'test-state',
  summary: 'Run one state as AWS TestState does and print the response',
  usage,
  execute,
};
