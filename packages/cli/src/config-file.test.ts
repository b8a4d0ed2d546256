import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CONFIG_FILE_NAME, loadConfigFile, parseConfigFile } from './config-file.js';
import { CliError, ExitCode } from './exit.js';
import { runCaptured } from './test-support.js';

const PATH = '/project/config/lockstep.config.json';
let cwd: string;

beforeAll(async () => {
  cwd = await mkdtemp(join(tmpdir(), 'lockstep-cli-config-'));
});

afterAll(() => rm(cwd, { recursive: true, force: true }));

const io = (dir: string) => ({ stdout: { write: () => {} }, stderr: { write: () => {} }, cwd: dir });

/** The message of the CliError `parseConfigFile` throws on `config`. */
function problemWith(config: unknown): string {
  try {
    parseConfigFile(JSON.stringify(config), PATH);
  } catch (err) {
    expect(err).toBeInstanceOf(CliError);
    expect((err as CliError).exitCode).toBe(ExitCode.BadRequest);
    return (err as CliError).message.replace(`config file '${PATH}': `, '');
  }
  throw new Error('the configuration was accepted');
}

describe('parseConfigFile', () => {
  it('reads functions, the default target and connections, local modules relative to the file', () => {
    const config = parseConfigFile(
      JSON.stringify({
        functions: {
          resize: {
            module: '../src/resize.ts',
            handler: 'main',
            timeoutSeconds: 30,
            memoryMb: 512,
            environment: { BUCKET: 'images' },
          },
          score: { type: 'local', module: '/abs/score.mjs' },
          remote: { type: 'http', url: 'http://127.0.0.1:9000/score', headers: { 'x-key': 'k' }, timeoutSeconds: 2.5 },
          billing: {
            type: 'aws',
            endpoint: 'http://localhost:4566',
            region: 'eu-west-1',
            credentials: { accessKeyId: 'a', secretAccessKey: 's' },
            functionName: 'billing-prod',
          },
        },
        defaultFunctionTarget: { type: 'http', url: 'http://127.0.0.1:9000/{functionName}' },
        connections: {
          'arn:aws:events:us-east-1:123456789012:connection/api/1': {
            authorizationType: 'API_KEY',
            authParameters: { ApiKeyAuthParameters: { ApiKeyName: 'x-api-key', ApiKeyValue: 'secret' } },
          },
        },
      }),
      PATH,
    );
    expect(config).toEqual({
      path: PATH,
      functions: {
        resize: {
          type: 'local',
          module: '/project/src/resize.ts',
          handler: 'main',
          timeoutSeconds: 30,
          memoryMb: 512,
          environment: { BUCKET: 'images' },
        },
        score: { type: 'local', module: '/abs/score.mjs' },
        remote: { type: 'http', url: 'http://127.0.0.1:9000/score', headers: { 'x-key': 'k' }, timeoutSeconds: 2.5 },
        billing: {
          type: 'aws',
          endpoint: 'http://localhost:4566',
          region: 'eu-west-1',
          credentials: { accessKeyId: 'a', secretAccessKey: 's' },
          functionName: 'billing-prod',
        },
      },
      defaultFunctionTarget: { type: 'http', url: 'http://127.0.0.1:9000/{functionName}' },
      connections: {
        'arn:aws:events:us-east-1:123456789012:connection/api/1': {
          authorizationType: 'API_KEY',
          authParameters: { ApiKeyAuthParameters: { ApiKeyName: 'x-api-key', ApiKeyValue: 'secret' } },
        },
      },
    });
  });

  it('takes an empty file object, and a local default target', () => {
    expect(parseConfigFile('{}', PATH)).toEqual({ path: PATH });
    expect(parseConfigFile('{"defaultFunctionTarget":{"type":"local"}}', PATH)).toEqual({
      path: PATH,
      defaultFunctionTarget: { type: 'local' },
    });
  });

  it('names the file when it is not JSON', () => {
    expect(() => parseConfigFile('{"functions": ', PATH)).toThrow(`config file '${PATH}' is not JSON: `);
  });

  it('names the field that is wrong, and what it should be', () => {
    expect(problemWith([])).toBe('the file must be a JSON object, not []');
    expect(problemWith({ function: {} })).toBe(
      "unknown field 'function' (expected one of: functions, defaultFunctionTarget, connections)",
    );
    expect(problemWith({ functions: [] })).toBe('functions must be a JSON object, not []');
    expect(problemWith({ functions: { resize: {} } })).toBe(
      'functions.resize.module is missing (expected a non-empty string)',
    );
    expect(problemWith({ functions: { resize: { module: 'r.js', timeoutSeconds: '3' } } })).toBe(
      'functions.resize.timeoutSeconds must be an integer from 1 to 900, not "3"',
    );
    expect(problemWith({ functions: { resize: { module: 'r.js', memoryMb: 64 } } })).toBe(
      'functions.resize.memoryMb must be an integer from 128 to 10240, not 64',
    );
    expect(problemWith({ functions: { resize: { module: 'r.js', environment: { N: 1 } } } })).toBe(
      'functions.resize.environment.N must be a string, not 1',
    );
    expect(problemWith({ functions: { resize: { module: 'r.js', timeout: 3 } } })).toBe(
      "unknown field 'timeout' in functions.resize (expected one of: type, module, handler, timeoutSeconds, memoryMb, environment)",
    );
    expect(problemWith({ functions: { resize: { type: 'lambda' } } })).toBe(
      'functions.resize.type must be one of "local", "http", "aws", not "lambda"',
    );
    expect(problemWith({ functions: { remote: { type: 'http', url: 'localhost:9000' } } })).toBe(
      'functions.remote.url must be an http:// or https:// URL, not "localhost:9000"',
    );
    expect(problemWith({ functions: { remote: { type: 'http', url: 'http://h', module: 'm.js' } } })).toBe(
      "unknown field 'module' in functions.remote (expected one of: type, url, headers, timeoutSeconds)",
    );
    expect(problemWith({ functions: { billing: { type: 'aws', credentials: { accessKeyId: 'a' } } } })).toBe(
      'functions.billing.credentials.secretAccessKey is missing (expected a non-empty string)',
    );
    expect(problemWith({ defaultFunctionTarget: {} })).toBe(
      'defaultFunctionTarget.type is missing (expected one of "local", "http", "aws")',
    );
    expect(problemWith({ defaultFunctionTarget: { type: 'local', module: 'x.js' } })).toBe(
      "unknown field 'module' in defaultFunctionTarget (expected one of: type)",
    );
    expect(problemWith({ connections: { arn: { authorizationType: 'TOKEN', authParameters: {} } } })).toBe(
      'connections.arn.authorizationType must be one of "API_KEY", "BASIC", "OAUTH_CLIENT_CREDENTIALS", not "TOKEN"',
    );
    expect(problemWith({ connections: { arn: { authorizationType: 'BASIC' } } })).toBe(
      'connections.arn.authParameters is missing (expected a JSON object)',
    );
  });
});

describe('loadConfigFile', () => {
  it('reads lockstep.config.json from the working directory when there is one, else nothing', async () => {
    const project = join(cwd, 'with-file');
    await mkdir(project, { recursive: true });
    expect(await loadConfigFile(io(project), undefined)).toBeUndefined();
    await writeFile(join(project, CONFIG_FILE_NAME), '{"functions":{"f":{"module":"fns/f.mjs"}}}');
    expect(await loadConfigFile(io(project), undefined)).toEqual({
      path: join(project, CONFIG_FILE_NAME),
      functions: { f: { type: 'local', module: join(project, 'fns/f.mjs') } },
    });
  });

  it('reads the named file, relative to the working directory, modules relative to its folder', async () => {
    await mkdir(join(cwd, 'conf'), { recursive: true });
    await writeFile(join(cwd, 'conf', 'dev.json'), '{"functions":{"f":{"module":"../fns/f.mjs"}}}');
    expect(await loadConfigFile(io(cwd), 'conf/dev.json')).toEqual({
      path: join(cwd, 'conf', 'dev.json'),
      functions: { f: { type: 'local', module: join(cwd, 'fns', 'f.mjs') } },
    });
  });

  it('fails when the named file cannot be read', async () => {
    await expect(loadConfigFile(io(cwd), 'missing.json')).rejects.toThrow(
      `cannot read config file '${join(cwd, 'missing.json')}': no such file`,
    );
  });
});

describe('lockstep serve --config', () => {
  const noEngine = async () => {
    throw new Error('serve does not use the engine');
  };

  it('exits with 2 and names the bad field, before serving', async () => {
    await writeFile(join(cwd, 'bad.json'), '{"functions":{"f":{"module":""}}}');
    const r = await runCaptured(['serve', '--memory', '--config', 'bad.json'], cwd, noEngine);
    expect(r).toEqual({
      code: ExitCode.BadRequest,
      stdout: '',
      stderr: `lockstep: config file '${join(cwd, 'bad.json')}': functions.f.module must be a non-empty string, not ""\n`,
    });
  });

  it('exits with 2 when the named file is missing', async () => {
    const r = await runCaptured(['serve', '--memory', '--config', 'nope.json'], cwd, noEngine);
    expect(r.code).toBe(ExitCode.BadRequest);
    expect(r.stderr).toBe(`lockstep: cannot read config file '${join(cwd, 'nope.json')}': no such file\n`);
  });

  it('documents the file in its usage', async () => {
    const r = await runCaptured(['serve', '--help'], cwd, noEngine);
    expect(r.stdout).toContain('--config <file>    Project configuration (default: ./lockstep.config.json');
  });
});
