/**
 * Which fields each state type accepts, by query language, and AWS's messages for the others.
 */
import type { QueryLanguage, StateType } from '../definition.js';
import type { DiagnosticList } from './diagnostics.js';

/** A state type's fields: those of both languages, and those of one language only. */
interface FieldSet {
  readonly both: readonly string[];
  readonly JSONPath: readonly string[];
  readonly JSONata: readonly string[];
}

const COMMON = ['Type', 'Comment', 'QueryLanguage'];
const TRANSITION = ['Next', 'End'];
const IO_PATHS = ['InputPath', 'OutputPath'];
const RESULT_PATHS = ['Parameters', 'ResultSelector', 'ResultPath'];
const ERROR_HANDLING = ['Retry', 'Catch'];

const FIELDS: Readonly<Record<StateType, FieldSet>> = {
  Pass: {
    both: [...COMMON, ...TRANSITION, 'Assign'],
    JSONPath: [...IO_PATHS, 'Parameters', 'ResultPath', 'Result'],
    JSONata: ['Output'],
  },
  Task: {
    both: [
      ...COMMON,
      ...TRANSITION,
      'Assign',
      'Resource',
      'TimeoutSeconds',
      'HeartbeatSeconds',
      'Credentials',
      ...ERROR_HANDLING,
    ],
    JSONPath: [...IO_PATHS, ...RESULT_PATHS, 'TimeoutSecondsPath', 'HeartbeatSecondsPath'],
    JSONata: ['Arguments', 'Output'],
  },
  Choice: {
    both: [...COMMON, 'Choices', 'Default', 'Assign'],
    JSONPath: IO_PATHS,
    JSONata: ['Output'],
  },
  Wait: {
    both: [...COMMON, ...TRANSITION, 'Assign', 'Seconds', 'Timestamp'],
    JSONPath: [...IO_PATHS, 'SecondsPath', 'TimestampPath'],
    JSONata: ['Output'],
  },
  Succeed: { both: COMMON, JSONPath: IO_PATHS, JSONata: ['Output'] },
  Fail: { both: [...COMMON, 'Error', 'Cause'], JSONPath: ['ErrorPath', 'CausePath'], JSONata: [] },
  Parallel: {
    both: [...COMMON, ...TRANSITION, 'Assign', 'Branches', ...ERROR_HANDLING],
    JSONPath: [...IO_PATHS, ...RESULT_PATHS],
    JSONata: ['Arguments', 'Output'],
  },
  Map: {
    both: [
      ...COMMON,
      ...TRANSITION,
      'Assign',
      'ItemProcessor',
      'Iterator',
      'ItemSelector',
      'ItemReader',
      'ItemBatcher',
      'ResultWriter',
      'MaxConcurrency',
      'ToleratedFailurePercentage',
      'ToleratedFailureCount',
      'Label',
      ...ERROR_HANDLING,
    ],
    JSONPath: [
      ...IO_PATHS,
      ...RESULT_PATHS,
      'ItemsPath',
      'MaxConcurrencyPath',
      'ToleratedFailurePercentagePath',
      'ToleratedFailureCountPath',
    ],
    JSONata: ['Items', 'Output'],
  },
};

/** The state types, in the order AWS lists them. */
export const STATE_TYPES: readonly StateType[] = [
  'Choice',
  'Fail',
  'Map',
  'Parallel',
  'Pass',
  'Succeed',
  'Task',
  'Wait',
];

/** The other query language. */
export function otherLanguage(language: QueryLanguage): QueryLanguage {
  return language === 'JSONPath' ? 'JSONata' : 'JSONPath';
}

/**
 * AWS's message for a field of the other query language: `The QueryLanguage is set to 'JSONPath', but
 * field 'Output' is only supported for the 'JSONata' QueryLanguage`.
 */
export function wrongLanguageMessage(language: QueryLanguage, field: string): string {
  return `The QueryLanguage is set to '${language}', but field '${field}' is only supported for the '${otherLanguage(language)}' QueryLanguage`;
}

/**
 * Reports, at the state, each field its type does not have (`Field 'X' is not supported`) and, unless
 * `skipLanguage`, each field of the other query language.
 */
export function checkStateFields(
  out: DiagnosticList,
  type: StateType,
  state: Record<string, unknown>,
  language: QueryLanguage,
  skipLanguage: boolean,
  location: string,
): void {
  const fields = FIELDS[type];
  // Indexed (no iterator): this runs for every state, mostly as cold code.
  const names = Object.keys(state);
  for (let i = 0; i < names.length; i++) {
    const name = names[i];
    if (fields.both.includes(name) || fields[language].includes(name)) continue;
    if (fields[otherLanguage(language)].includes(name)) {
      if (!skipLanguage) out.schema(wrongLanguageMessage(language, name), location);
    } else {
      out.schema(`Field '${name}' is not supported`, location);
    }
  }
}
