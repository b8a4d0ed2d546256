/**
 * The Lambda integration: Task states whose resource is a function ARN (legacy: the result is the function's
 * return value) or `arn:aws:states:::lambda:invoke` (the result is Lambda's Invoke response, `.waitForTaskToken`
 * too), with the function run where the configuration says: locally in worker threads, behind an HTTP endpoint,
 * or in AWS Lambda.
 */
import { randomUUID } from 'node:crypto';
import { ErrorName } from '@lockstep/asl';
import type { Integration, IntegrationCallbacks, IntegrationRequest, TaskResource } from '@lockstep/engine';
import { AwsInvokers } from './aws-invoker.js';
import type { LambdaConfig, LambdaLogEntry } from './config.js';
import { invokeEnvelope, payloadValue } from './envelope.js';
import { functionFailure, type LambdaTaskError, serviceFailure } from './errors.js';
import { FunctionNameError, homeOf } from './function-ref.js';
import { type FunctionTarget, resolveTarget } from './function-targets.js';
import { httpInvoker } from './http-invoker.js';
import { functionNotFound, type Invoker, LambdaServiceError } from './invoker.js';
import { LocalRuntime } from './local/local-runtime.js';
import { InvalidParametersError, type TaskCall, taskCall } from './task-call.js';

/** The Lambda integration; `close()` stops its workers and clients. */
export interface LambdaIntegration extends Integration {
  close(): Promise<void>;
}

/** Default concurrency and idle lifetime of local functions' workers. */
const DEFAULT_MAX_WORKERS = 10;
const DEFAULT_IDLE_WORKER_SECONDS = 300;

/**
 * Creates the Lambda integration. Functions run where `config` says (see {@link LambdaConfig}); by default,
 * locally from `./functions/<name>.{js,mjs,ts}` with Lambda's 3 s timeout and 128 MB.
 *
 * @example
 * const lambda = lambdaIntegration({ functionsDir: 'functions', functions: { Pay: { type: 'http', url } } });
 * await runExecution({ definition, input, integrations: [lambda] });
 * await lambda.close();
 */
export function lambdaIntegration(config: LambdaConfig = {}): LambdaIntegration {
  const local = new LocalRuntime({
    baseDir: config.baseDir ?? process.cwd(),
    maxWorkersPerFunction: config.maxWorkersPerFunction ?? DEFAULT_MAX_WORKERS,
    idleWorkerSeconds: config.idleWorkerSeconds ?? DEFAULT_IDLE_WORKER_SECONDS,
    log: config.log ?? printLog,
  });
  const aws = new AwsInvokers();
  const invokerFor = (target: FunctionTarget): Invoker =>
    target.type === 'local'
      ? local.invoker(target.spec)
      : target.type === 'http'
        ? httpInvoker(target)
        : aws.invoker(target);
  const fallbackHome = {
    partition: 'aws',
    region: config.region ?? 'us-east-1',
    accountId: config.accountId ?? '123456789012',
  };

  return {
    patterns: ['request-response', 'waitForTaskToken'],
    handles: isLambdaResource,
    invoke(request: IntegrationRequest, callbacks: IntegrationCallbacks): () => void {
      const fail = ({ error, cause }: LambdaTaskError) => callbacks.fail(error, cause);
      const requestId = randomUUID();
      let call: TaskCall;
      try {
        call = taskCall(request, homeOf(request.context, fallbackHome), requestId);
      } catch (e) {
        if (e instanceof InvalidParametersError) callbacks.fail(ErrorName.Runtime, e.message);
        else if (e instanceof FunctionNameError)
          fail(serviceFailure(new LambdaServiceError(e.code, e.message, 400, requestId)));
        else throw e;
        return noop;
      }
      const target = resolveTarget(call.ref.name, config);
      if (!target) {
        fail(serviceFailure(functionNotFound(call.ref, requestId)));
        return noop;
      }
      const pending = invokerFor(target).invoke(call.ref, call.request);
      let cancelled = false;
      pending.result.then(
        (result) => {
          if (cancelled) return;
          if (result.functionError !== undefined) return fail(functionFailure(result.payload, call.form));
          if (call.form === 'legacy') return callbacks.succeed(payloadValue(result.payload));
          const envelope = invokeEnvelope(result);
          // A callback task's call is answered; its outcome comes with the token.
          if (request.resourceInfo.pattern === 'waitForTaskToken') callbacks.submitted(envelope);
          else callbacks.succeed(envelope);
        },
        (e: unknown) => {
          if (cancelled) return;
          const error =
            e instanceof LambdaServiceError ? e : new LambdaServiceError('ServiceException', String(e), 500, requestId);
          fail(serviceFailure(error));
        },
      );
      return () => {
        cancelled = true;
        pending.cancel();
      };
    },
    async close() {
      aws.close();
      await local.close();
    },
  };
}

/** Legacy function ARNs, and `lambda:invoke` in any pattern (unsupported ones are refused by the dispatcher). */
function isLambdaResource(resource: TaskResource): boolean {
  if (resource.kind === 'lambda-function') return true;
  return (
    resource.kind === 'service' && resource.resourceType === 'lambda' && resource.resource.split('.')[0] === 'invoke'
  );
}

/** Local functions' output, when the configuration has no `log`: CloudWatch's line format, on stderr. */
function printLog(entry: LambdaLogEntry): void {
  const message = entry.message.endsWith('\n') ? entry.message.slice(0, -1) : entry.message;
  process.stderr.write(
    `[lambda:${entry.functionName}] ${entry.timestamp.toISOString()}\t${entry.requestId}\t${entry.level}\t${message}\n`,
  );
}

function noop(): void {}
