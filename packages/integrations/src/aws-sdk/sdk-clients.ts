/**
 * AWS SDK v3 clients, loaded on demand: a workflow that calls a service needs that service's client package
 * (`@aws-sdk/client-<service>`) installed in the project, and nothing else does. Clients are made once per service
 * and region.
 */
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { ErrorName } from '@lockstep/asl';
import { NormalizedSchema } from '@smithy/core/schema';
import { type AwsSdkConfig, configuredEndpoint } from './config.js';
import { clientPackageName } from './service-names.js';

/** A loaded client package's exports. */
export type ClientPackage = Readonly<Record<string, unknown>>;

/** What the integrations use of an SDK v3 command. */
export interface SdkCommand {
  /** The operation's schema, on clients with schema-based serialization (3.7xx and later). */
  readonly schema?: unknown;
  readonly middlewareStack: { add(middleware: unknown, options: Record<string, unknown>): void };
}

/** What the integrations use of an SDK v3 client. */
export interface SdkClient {
  send(command: SdkCommand, options?: { abortSignal?: AbortSignal }): Promise<Record<string, unknown>>;
}

/** One API action of one service, ready to call. */
export interface SdkOperation {
  readonly packageName: string;
  readonly exports: ClientPackage;
  /** The client class's name, e.g. `S3Client`. */
  readonly clientName: string;
  readonly client: SdkClient;
  createCommand(input: Record<string, unknown>): SdkCommand;
  /** The action's input and output shapes; absent on clients older than schema-based serialization. */
  readonly input: NormalizedSchema | undefined;
  readonly output: NormalizedSchema | undefined;
}

/** An operation, or why it cannot be called (`States.Runtime`: the setup is wrong, no retry can help). */
export type OperationLookup =
  | { readonly ok: true; readonly operation: SdkOperation }
  | { readonly ok: false; readonly error: string; readonly cause: string };

type CommandClass = new (input: Record<string, unknown>) => SdkCommand;
type ClientClass = new (options: Record<string, unknown>) => SdkClient;

/** The clients of one integration instance. */
export class SdkClients {
  private readonly packages = new Map<string, Promise<ClientPackage | undefined>>();
  private readonly clients = new Map<string, SdkClient>();
  private readonly operations = new Map<string, SdkOperation>();

  constructor(private readonly config: AwsSdkConfig) {}

  /** Resolves `action` (Step Functions' camelCase name, e.g. `getObject`) of `service` (e.g. `s3`) in `region`. */
  async operation(service: string, action: string, region: string): Promise<OperationLookup> {
    const key = `${service}:${action}:${region}`;
    const cached = this.operations.get(key);
    if (cached) return { ok: true, operation: cached };
    const packageName = clientPackageName(service);
    const exports = await this.loadPackage(packageName);
    if (!exports) return { ok: false, error: ErrorName.Runtime, cause: missingPackage(service, packageName) };
    const clientName = Object.keys(exports).find((name) => name.endsWith('Client') && name !== '__Client');
    const Command = findCommand(exports, action);
    if (!clientName || !Command) {
      const cause = `The package '${packageName}' has no action '${action}' for the service '${service}' (a newer version of the package may have it).`;
      return { ok: false, error: ErrorName.Runtime, cause };
    }
    const client = this.client(service, region, exports[clientName] as ClientClass);
    const shapes = operationShapes(new Command({}).schema);
    const operation: SdkOperation = {
      packageName,
      exports,
      clientName,
      client,
      createCommand: (input) => new Command(input),
      ...shapes,
    };
    this.operations.set(key, operation);
    return { ok: true, operation };
  }

  private client(service: string, region: string, Client: ClientClass): SdkClient {
    const key = `${service}:${region}`;
    let client = this.clients.get(key);
    if (!client) {
      client = new Client(this.clientOptions(service, region));
      this.clients.set(key, client);
    }
    return client;
  }

  private clientOptions(service: string, region: string): Record<string, unknown> {
    const endpoint = configuredEndpoint(this.config, service);
    // Local S3 servers (s3rver, MinIO, LocalStack) serve buckets under the path, not as subdomains of `localhost`.
    const pathStyle =
      service === 's3' &&
      (endpoint !== undefined ||
        process.env.AWS_ENDPOINT_URL_S3 !== undefined ||
        process.env.AWS_ENDPOINT_URL !== undefined);
    return {
      region,
      ...(endpoint === undefined ? {} : { endpoint }),
      ...(this.config.credentials === undefined ? {} : { credentials: this.config.credentials }),
      ...(pathStyle ? { forcePathStyle: true } : {}),
      ...this.config.clientOptions?.['*'],
      ...this.config.clientOptions?.[service],
    };
  }

  private loadPackage(packageName: string): Promise<ClientPackage | undefined> {
    let loading = this.packages.get(packageName);
    if (!loading) {
      loading = this.config.loadPackage
        ? this.config.loadPackage(packageName)
        : importPackage(packageName, this.config.resolveFrom ?? process.cwd());
      this.packages.set(packageName, loading);
    }
    return loading;
  }
}

/** The cause of a task whose service has no client package installed: it says what to install. */
export function missingPackage(service: string, packageName: string): string {
  return (
    `The AWS SDK client package '${packageName}' for the service '${service}' is not installed. ` +
    `Install it in the project: npm install ${packageName}`
  );
}

/** Imports a package as this package sees it, else as the project at `resolveFrom` does; `undefined` if neither has it. */
async function importPackage(packageName: string, resolveFrom: string): Promise<ClientPackage | undefined> {
  try {
    return (await import(packageName)) as ClientPackage;
  } catch (error) {
    if (!isNotFound(error, packageName)) throw error;
  }
  let resolved: string;
  try {
    resolved = createRequire(join(resolveFrom, 'package.json')).resolve(packageName);
  } catch (error) {
    if (isNotFound(error, packageName)) return undefined;
    throw error;
  }
  return (await import(pathToFileURL(resolved).href)) as ClientPackage;
}

function isNotFound(error: unknown, packageName: string): boolean {
  const code = (error as { code?: unknown } | null)?.code;
  return (
    (code === 'ERR_MODULE_NOT_FOUND' || code === 'MODULE_NOT_FOUND') &&
    String((error as Error).message).includes(packageName)
  );
}

/** `getObject` → the package's `GetObjectCommand`, matched without regard to case (`listVPCs`, `ListVpcs`). */
function findCommand(exports: ClientPackage, action: string): CommandClass | undefined {
  const wanted = `${action}Command`.toLowerCase();
  const name = Object.keys(exports).find((key) => key.toLowerCase() === wanted);
  return name === undefined ? undefined : (exports[name] as CommandClass);
}

/** The input and output shapes of an operation schema (`[9, namespace, name, traits, input, output]` or an object). */
function operationShapes(schema: unknown): Pick<SdkOperation, 'input' | 'output'> {
  let input: unknown;
  let output: unknown;
  if (Array.isArray(schema) && schema.length >= 6) [, , , , input, output] = schema;
  else if (typeof schema === 'object' && schema !== null && 'input' in schema && 'output' in schema) {
    ({ input, output } = schema as { input: unknown; output: unknown });
  }
  if (input === undefined || output === undefined) return { input: undefined, output: undefined };
  const of = NormalizedSchema.of as (ref: unknown) => NormalizedSchema;
  return { input: of(input), output: of(output) };
}
