/**
 * `ValidateStateMachineDefinition`: the diagnostics AWS reports for a definition.
 */
import type { Diagnostic, StateMachineType } from '../definition.js';
import { isJsonObject } from '../json.js';
import { declaredLanguage } from './context.js';
import { DiagnosticCode, DiagnosticList } from './diagnostics.js';
import { checkStatesBlock } from './states-block.js';
import { checkTransitions } from './transitions.js';
import { checkEnum, checkNumber, ifPresent, MAX_FIELD_VALUE } from './value-checks.js';
import { machineContext } from './variables.js';

/** Options of {@link validateDefinition}. */
export interface ValidateDefinitionOptions {
  /** @default 'STANDARD' */
  readonly type?: StateMachineType;
}

/**
 * Checks a parsed definition and returns AWS's diagnostics (empty when AWS accepts it). Schema errors
 * (`SCHEMA_VALIDATION_FAILED`) come alone; the graph checks (transition targets, reachability, duplicate
 * names, terminal state) run only on a well-formed definition.
 */
export function validateDefinition(definition: unknown, options: ValidateDefinitionOptions = {}): Diagnostic[] {
  const out = new DiagnosticList();
  if (!isJsonObject(definition)) {
    out.error(DiagnosticCode.SchemaValidationFailed, 'Definition must be a valid JSON object');
    return out.items;
  }
  const machineLanguage = declaredLanguage(definition.QueryLanguage, 'JSONPath');
  const ctx = machineContext({ out, type: options.type ?? 'STANDARD', machineLanguage }, definition);
  ifPresent(definition, 'Version', '/', (v, at) => checkEnum(out, v, ['1.0'], at));
  ifPresent(definition, 'TimeoutSeconds', '/', (v, at) =>
    checkNumber(out, v, 'INTEGER', { min: 0, max: MAX_FIELD_VALUE }, at),
  );
  ifPresent(definition, 'QueryLanguage', '/', (v, at) => checkEnum(out, v, ['JSONPath', 'JSONata'], at));
  checkStatesBlock(ctx, definition, '/', 'machine');
  if (!out.any) checkTransitions(out, definition);
  return out.items;
}
