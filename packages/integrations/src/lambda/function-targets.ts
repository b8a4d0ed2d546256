/**
 * Where a function runs, by its name: its entry in the configuration's `functions`, else the default target
 * (for local functions: a module named after the function in the functions folder). No target: the function
 * does not exist.
 */
import { existsSync } from 'node:fs';
import { join, resolve } from 'node:path';
import type { AwsFunctionConfig, FunctionConfig, HttpFunctionConfig, LambdaConfig } from './config.js';
import type { LocalFunctionSpec } from './local/local-runtime.js';

/** A function's resolved target. */
export type FunctionTarget = { type: 'local'; spec: LocalFunctionSpec } | HttpFunctionConfig | AwsFunctionConfig;

/** Lambda's defaults for functions that do not set their own. */
export const LAMBDA_DEFAULT_TIMEOUT_SECONDS = 3;
export const LAMBDA_DEFAULT_MEMORY_MB = 128;

/** The folder searched for local functions when the configuration names none. */
export const DEFAULT_FUNCTIONS_DIR = 'functions';

/** Extensions of local function modules, in the order they are looked for. */
const MODULE_EXTENSIONS = ['.js', '.mjs', '.cjs', '.ts', '.mts'];

/** Resolves where the function `name` runs; undefined when no such function exists. */
export function resolveTarget(name: string, config: LambdaConfig): FunctionTarget | undefined {
  const configured = Object.hasOwn(config.functions ?? {}, name) ? config.functions![name] : undefined;
  if (configured) return fromConfig(name, configured, config);
  const fallback = config.default ?? { type: 'local' };
  if (fallback.type === 'http') return { ...fallback, url: fallback.url.replaceAll('{functionName}', name) };
  if (fallback.type === 'aws') return fallback;
  const modulePath = findModule(name, config);
  return modulePath === undefined ? undefined : { type: 'local', spec: localSpec(name, modulePath, {}, config) };
}

function fromConfig(name: string, configured: FunctionConfig, config: LambdaConfig): FunctionTarget {
  if (configured.type === 'http' || configured.type === 'aws') return configured;
  const modulePath = resolve(baseDir(config), configured.module);
  return { type: 'local', spec: localSpec(name, modulePath, configured, config) };
}

function localSpec(
  functionName: string,
  modulePath: string,
  own: { handler?: string; timeoutSeconds?: number; memoryMb?: number; environment?: Record<string, string> },
  config: LambdaConfig,
): LocalFunctionSpec {
  return {
    functionName,
    modulePath,
    handler: own.handler ?? 'handler',
    timeoutSeconds: own.timeoutSeconds ?? config.timeoutSeconds ?? LAMBDA_DEFAULT_TIMEOUT_SECONDS,
    memoryMb: own.memoryMb ?? config.memoryMb ?? LAMBDA_DEFAULT_MEMORY_MB,
    ...(own.environment ? { environment: own.environment } : {}),
  };
}

/** `<functionsDir>/<name>.<ext>`, else `<functionsDir>/<name>/index.<ext>`. */
function findModule(name: string, config: LambdaConfig): string | undefined {
  // A name is one path segment: `..` or a separator must not reach outside the folder.
  if (!/^[A-Za-z0-9_.-]+$/.test(name) || name === '.' || name === '..') return undefined;
  const dir = resolve(baseDir(config), config.functionsDir ?? DEFAULT_FUNCTIONS_DIR);
  for (const base of [join(dir, name), join(dir, name, 'index')]) {
    for (const extension of MODULE_EXTENSIONS) {
      if (existsSync(base + extension)) return base + extension;
    }
  }
  return undefined;
}

function baseDir(config: LambdaConfig): string {
  return config.baseDir ?? process.cwd();
}
