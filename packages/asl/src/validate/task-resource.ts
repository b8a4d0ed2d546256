/**
 * A Task's `Resource`: an ARN, and for Express machines no `.sync`, `.waitForTaskToken` or activity.
 */
import type { ValidationContext } from './context.js';
import { checkType } from './value-checks.js';

/** `arn:partition:service:region:account:resource...` (region and account may be empty). */
const ARN = /^arn:[^:\s]+:[^:\s]+:[^:\s]*:[^:\s]*:\S+$/;
const ACTIVITY_ARN = /^arn:[^:]+:states:[^:]+:[^:]+:activity:/;

/** Checks `Resource` at `location` (the field's own location). */
export function checkTaskResource(ctx: ValidationContext, value: unknown, location: string): void {
  const out = ctx.out;
  if (!checkType(out, value, 'STRING', location)) return;
  const resource = value as string;
  if (!ARN.test(resource)) {
    out.schema(
      `The resource provided ${resource} is not recognized. The value is not a valid resource ARN, or the resource is not available in this region.`,
      location,
    );
    return;
  }
  if (ctx.type !== 'EXPRESS') return;
  if (/\.sync(:\d+)?$/.test(resource)) {
    out.schema("Express state machine does not support '.sync' service integration", location);
  } else if (resource.endsWith('.waitForTaskToken')) {
    // AWS's message has this trailing space.
    out.schema("Express state machine does not support '.waitForTaskToken' service integration ", location);
  } else if (ACTIVITY_ARN.test(resource)) {
    out.schema('Express state machine does not support Activity ARN', location);
  }
}
