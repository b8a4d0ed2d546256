/**
 * A `.sync` task of an optimized integration that starts a job ("Run a Job"): the start call's answer is reported as
 * submitted (history's TaskSubmitted), then the job is described every poll interval until it ends. A cancelled task
 * (timed out, execution stopped) stops the job, as AWS does, by the service's stop action.
 */
import { ErrorName, type Json } from '@lockstep/asl';
import type { IntegrationCallbacks, IntegrationRequest } from '@lockstep/engine';
import type { AwsSdkConfig } from './config.js';
import type { SdkClients } from './sdk-clients.js';
import { type CallTarget, callAction, callService, requestRegion } from './service-call.js';
import type { SyncJob } from './sync-jobs.js';

type JsonObject = { [key: string]: Json };

/** How often a job is described when `syncPollIntervalMs` is not configured. */
export const DEFAULT_SYNC_POLL_INTERVAL_MS = 1_000;

/** Starts the job of a `.sync` task and reports its end; returns the task's cancel function. */
export function runJob(
  job: SyncJob,
  target: CallTarget,
  request: IntegrationRequest,
  callbacks: IntegrationCallbacks,
  clients: SdkClients,
  config: AwsSdkConfig,
): () => void {
  const controller = new AbortController();
  const { signal } = controller;
  const interval = config.syncPollIntervalMs ?? DEFAULT_SYNC_POLL_INTERVAL_MS;
  let started: JsonObject | undefined;
  let over = false;
  const end = (report: () => void) => {
    if (over || signal.aborted) return;
    over = true;
    report();
  };
  const call = (action: string, parameters: JsonObject, httpMetadata: boolean, callSignal: AbortSignal) =>
    callAction(
      clients,
      {
        service: target.service,
        action,
        parameters,
        dialect: 'java-v1',
        errors: target.optimized?.errors,
        httpMetadata,
        region: requestRegion(config, request),
      },
      callSignal,
    );

  const run = async () => {
    const outcome = await callService(target, request, clients, config, signal);
    if (signal.aborted) return;
    if (!outcome.ok) return end(() => callbacks.fail(outcome.error, outcome.cause));
    started = outcome.output;
    callbacks.submitted(outcome.output);
    for (;;) {
      await pause(interval, signal);
      if (signal.aborted) return;
      const described = await call(
        job.describe,
        job.describeParameters(outcome.output),
        job.describedWithMetadata,
        signal,
      );
      if (signal.aborted) return;
      if (!described.ok) return end(() => callbacks.fail(described.error, described.cause));
      const jobEnd = job.end(described.output);
      if (!jobEnd) continue;
      const { succeeded, output } = jobEnd;
      return end(() =>
        succeeded ? callbacks.succeed(output) : callbacks.fail(ErrorName.TaskFailed, JSON.stringify(output)),
      );
    }
  };
  run().catch((thrown: unknown) => end(() => callbacks.fail(ErrorName.Runtime, String(thrown))));

  return () => {
    if (over) return;
    over = true;
    controller.abort();
    // Best effort, as on AWS: the task is over whatever the stop call answers.
    if (started) {
      call(job.stop, job.stopParameters(started, request), false, new AbortController().signal).catch(() => {});
    }
  };
}

/** Waits `ms`, or less when `signal` aborts. */
function pause(ms: number, signal: AbortSignal): Promise<void> {
  return new Promise((resolve) => {
    const timer = setTimeout(done, ms);
    signal.addEventListener('abort', done, { once: true });
    function done() {
      clearTimeout(timer);
      signal.removeEventListener('abort', done);
      resolve();
    }
  });
}
