/**
 * ValidateStateMachineDefinition: AWS's diagnostics for a definition, without creating anything.
 *
 * Recorded AWS behaviour (LocalStack's AWS-validated `test_sfn_api_validation`): `{result, diagnostics, truncated}`
 * with each diagnostic's `severity`, `code`, `message` and (when known) `location`; invalid definitions still
 * answer 200 with `result: 'FAIL'`. The model: `severity` (default `ERROR`) is the lowest severity returned,
 * `maxResults` 0..100 (0 or absent: 100).
 */
import type { Diagnostic } from '@lockstep/asl';
import { validateStateMachineDefinition } from '@lockstep/engine';
import type { Operation, ServiceContext } from './context.js';
import { readRequest, Shape } from './request.js';
import { compact } from './wire.js';

/** The largest (and default) `maxResults` of ValidateStateMachineDefinition. */
const MAX_DIAGNOSTICS = 100;

/** The validation operation, keyed by AWS operation name. */
export function validateDefinitionOperations(_ctx: ServiceContext): Record<string, Operation> {
  return {
    ValidateStateMachineDefinition: async (request) => {
      const r = readRequest(request);
      const definition = r.requiredString('definition', Shape.Definition);
      const type = r.enumeration('type', ['STANDARD', 'EXPRESS'] as const);
      const severity = r.enumeration('severity', ['ERROR', 'WARNING'] as const) ?? 'ERROR';
      const max = r.pageSize(MAX_DIAGNOSTICS);
      r.done();
      // Every diagnostic first: the severity filter applies before truncation to `maxResults`.
      const all = await validateStateMachineDefinition({ definition, type, maxResults: Number.MAX_SAFE_INTEGER });
      const wanted = severity === 'ERROR' ? all.diagnostics.filter((d) => d.severity === 'ERROR') : all.diagnostics;
      return {
        result: all.result,
        diagnostics: wanted.slice(0, max).map((d: Diagnostic) => compact({ ...d })),
        truncated: wanted.length > max,
      };
    },
  };
}
