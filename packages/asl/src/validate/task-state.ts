/**
 * Task: `Resource`, timeouts and heartbeats, `Credentials`, `Arguments`.
 */
import type { ValidationContext } from './context.js';
import { isJsonataExpression } from './context.js';
import { fieldLocation } from './diagnostics.js';
import { checkReferencePath } from './paths.js';
import { checkPayloadTemplate } from './payload-template.js';
import type { StateUnderCheck } from './state.js';
import { checkTaskResource } from './task-resource.js';
import { checkExclusive, checkNumber, checkRequired, checkType, ifPresent, MAX_FIELD_VALUE } from './value-checks.js';

/** Checks a Task state's own fields. */
export function checkTaskState({ ctx, state, location, language }: StateUnderCheck): void {
  const out = ctx.out;
  if (checkRequired(out, state, ['Resource'], location))
    checkTaskResource(ctx, state.Resource, fieldLocation(location, 'Resource'));
  for (const field of ['TimeoutSeconds', 'HeartbeatSeconds']) {
    ifPresent(state, field, location, (v, at) => checkSeconds(ctx, v, language === 'JSONata', at));
    ifPresent(state, `${field}Path`, location, (v, at) => checkReferencePath(out, `${field}Path`, v, at));
    checkExclusive(out, state, [field, `${field}Path`], location);
  }
  const timeout = state.TimeoutSeconds;
  const heartbeat = state.HeartbeatSeconds;
  if (Number.isInteger(timeout) && Number.isInteger(heartbeat) && (heartbeat as number) >= (timeout as number)) {
    out.schema('HeartbeatSeconds must be less than TimeoutSeconds', fieldLocation(location, 'HeartbeatSeconds'));
  }
  ifPresent(state, 'Credentials', location, (v, at) => checkCredentials(ctx, v, language === 'JSONPath', at));
}

/** A positive whole number of seconds, or in JSONata an expression that yields one when the state runs. */
function checkSeconds(ctx: ValidationContext, value: unknown, jsonata: boolean, location: string): void {
  if (jsonata && isJsonataExpression(value)) return;
  checkNumber(ctx.out, value, 'INTEGER', { min: 1, max: MAX_FIELD_VALUE }, location);
}

/** `Credentials`: an object with `RoleArn` (or, in JSONPath, `RoleArn.$`). */
function checkCredentials(ctx: ValidationContext, value: unknown, jsonPath: boolean, location: string): void {
  const out = ctx.out;
  if (!checkType(out, value, 'OBJECT', location)) return;
  const credentials = value as Record<string, unknown>;
  const hasRoleArn = credentials.RoleArn !== undefined || (jsonPath && credentials['RoleArn.$'] !== undefined);
  if (!hasRoleArn) out.schema("The field 'RoleArn' is required but was missing", location);
  if (jsonPath) checkPayloadTemplate(out, credentials, location);
}
