/**
 * The AWS SDK integrations (`arn:aws:states:::aws-sdk:SERVICE:ACTION[.waitForTaskToken]`) and the optimized SQS,
 * SNS, DynamoDB, EventBridge, Glue, Athena, Batch, CodeBuild and ECS integrations, performed through the AWS SDK v3
 * client of each service.
 */
import { ErrorName } from '@lockstep/asl';
import type { Integration, IntegrationCallbacks, IntegrationRequest } from '@lockstep/engine';
import type { AwsSdkConfig } from './config.js';
import { runJob } from './run-job.js';
import { SdkClients } from './sdk-clients.js';
import { type CallOutcome, callService, callTarget } from './service-call.js';

/**
 * An integration that calls AWS services (or any endpoint speaking their APIs: LocalStack, MinIO, s3rver, ...)
 * through the AWS SDK v3. Each service's client package (`@aws-sdk/client-s3`, ...) is loaded when a Task first
 * calls it; without it the Task fails with a `States.Runtime` naming the package to install.
 *
 * Request-response Tasks succeed with the API's answer; `.waitForTaskToken` Tasks report it as submitted and wait
 * for their token; `.sync` Tasks of the optimized integrations that start a job (`glue:startJobRun.sync`, ...) report
 * it as submitted and end with the job. Calls in flight are aborted when the Task is cancelled (timed out, execution
 * stopped), and a job a `.sync` Task waits for is stopped.
 */
export function awsSdkIntegration(config: AwsSdkConfig = {}): Integration {
  const clients = new SdkClients(config);
  return {
    patterns: ['request-response', 'sync', 'waitForTaskToken'],
    handles: (resource) => callTarget(resource) !== undefined,
    invoke(request, callbacks) {
      const target = callTarget(request.resourceInfo);
      const { pattern } = request.resourceInfo;
      // `handles` vouched for the resource. AWS refuses definitions with a pattern the resource does not offer
      // (a DynamoDB callback, `.sync` on what starts no job), so only a runtime that skipped validation gets here.
      const job = pattern === 'sync' ? target?.optimized?.jobs?.[target.action] : undefined;
      if (
        !target ||
        (pattern === 'waitForTaskToken' && target.optimized?.callback === false) ||
        (pattern === 'sync' && !job)
      ) {
        const cause = `The resource '${request.resource}' does not support the ${pattern} integration pattern.`;
        callbacks.fail(ErrorName.Runtime, cause);
        return () => {};
      }
      if (job) return runJob(job, target, request, callbacks, clients, config);
      const controller = new AbortController();
      callService(target, request, clients, config, controller.signal).then(
        (outcome) => !controller.signal.aborted && report(request, callbacks, outcome),
        (thrown: unknown) => !controller.signal.aborted && callbacks.fail(ErrorName.Runtime, String(thrown)),
      );
      return () => controller.abort();
    },
  };
}

function report(request: IntegrationRequest, callbacks: IntegrationCallbacks, outcome: CallOutcome): void {
  if (!outcome.ok) callbacks.fail(outcome.error, outcome.cause);
  else if (request.resourceInfo.pattern === 'waitForTaskToken') callbacks.submitted(outcome.output);
  else callbacks.succeed(outcome.output);
}
