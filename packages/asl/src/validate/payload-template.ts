/**
 * JSONPath payload templates (`Parameters`, `ResultSelector`, `ItemSelector`, `Assign`...): every
 * `"key.$"` value must be a path or an intrinsic function call.
 */
import { findPayloadTemplateErrors } from '../template/index.js';
import type { DiagnosticList } from './diagnostics.js';

/**
 * Reports each invalid field of `template` at the template's own location, as AWS does:
 * `The value for the field 'parsed.$' must be a valid JSONPath or a valid intrinsic function call`.
 */
export function checkPayloadTemplate(out: DiagnosticList, template: unknown, location: string): void {
  const errors = findPayloadTemplateErrors(template);
  // Most templates have no error: no iterator is created for them.
  for (let i = 0; i < errors.length; i++) out.schema(errors[i].message, location);
}
