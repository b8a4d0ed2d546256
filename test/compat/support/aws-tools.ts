/**
 * The real AWS clients the compat tests drive: Debian's AWS CLI v2 and Debian's python3 with boto3, called by full
 * path (the PATH may hold other versions), in an environment of their own.
 */
import { spawn, spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { beforeEach } from 'vitest';

/** Debian's AWS CLI v2 (package `awscli`). */
export const AWS_CLI = '/usr/bin/aws';

/** Debian's python3, with boto3 from the package `python3-boto3`. */
export const PYTHON = '/usr/bin/python3';

const INSTALL =
  "install the Debian packages 'awscli' and 'python3-boto3' (apt-get install -y awscli python3-boto3; .ci/run installs them)";

/** Why the AWS CLI cannot run here (with what to install), or undefined when it can. */
export function missingAwsCli(): string | undefined {
  return existsSync(AWS_CLI) ? undefined : `${AWS_CLI} is missing: ${INSTALL}`;
}

/** Why python3 cannot import boto3 here (with what to install), or undefined when it can. */
export function missingBoto3(): string | undefined {
  const check = spawnSync(PYTHON, ['-c', 'import boto3'], { encoding: 'utf8' });
  if (!check.error && check.status === 0) return undefined;
  return `boto3 for ${PYTHON} is missing (${check.error?.message ?? check.stderr.trim()}): ${INSTALL}`;
}

/**
 * Makes every test of the file fail with `missing` (never skip) when a tool is missing; a failing `beforeAll` would
 * only mark the tests skipped.
 */
export function failEveryTestIf(missing: string | undefined): void {
  beforeEach(() => {
    if (missing) throw new Error(missing);
  });
}

/**
 * The environment of every run: dummy credentials, us-east-1, no pager, and none of the machine's AWS config
 * files, profiles or proxies (so that nothing but the endpoint decides where requests go). `extra` adds to it.
 */
export function awsEnvironment(extra: Record<string, string> = {}): NodeJS.ProcessEnv {
  return {
    PATH: process.env.PATH,
    HOME: process.env.HOME,
    LANG: 'C.UTF-8',
    AWS_ACCESS_KEY_ID: 'lockstep',
    AWS_SECRET_ACCESS_KEY: 'lockstep',
    AWS_DEFAULT_REGION: 'us-east-1',
    AWS_PAGER: '',
    AWS_CONFIG_FILE: '/dev/null',
    AWS_SHARED_CREDENTIALS_FILE: '/dev/null',
    AWS_EC2_METADATA_DISABLED: 'true',
    ...extra,
  };
}

/** How a run ended. */
export interface ToolRun {
  code: number | null;
  stdout: string;
  stderr: string;
}

/** Runs `command` to its end (killed after `timeoutMs`), in {@link awsEnvironment} plus `extraEnv`. */
export function runTool(
  command: string,
  args: string[],
  extraEnv: Record<string, string> = {},
  timeoutMs = 20_000,
): Promise<ToolRun> {
  return new Promise((resolve, reject) => {
    const child = spawn(command, args, { env: awsEnvironment(extraEnv), stdio: ['ignore', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (chunk) => (stdout += chunk));
    child.stderr.on('data', (chunk) => (stderr += chunk));
    const timer = setTimeout(() => child.kill('SIGKILL'), timeoutMs);
    child.once('error', (error) => {
      clearTimeout(timer);
      reject(error);
    });
    child.once('close', (code) => {
      clearTimeout(timer);
      resolve({ code, stdout, stderr });
    });
  });
}

/** The JSON a successful run printed; fails with the run's output otherwise. */
export function jsonOf<T = Record<string, any>>(run: ToolRun): T {
  if (run.code !== 0) throw new Error(`exited with ${run.code}: ${run.stderr}${run.stdout}`);
  return JSON.parse(run.stdout) as T;
}
