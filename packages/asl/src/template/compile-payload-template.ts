/**
 * Payload templates (`Parameters`, `ResultSelector`, `ItemSelector`, `BatchInput`, JSONPath `Assign`),
 * compiled once into closures.
 *
 * Objects are walked recursively, arrays too. A field whose name ends in `.$` takes its value from a path
 * (`$...` on the template's input, `$$...` on the context object, `$name...` a variable) or from an
 * intrinsic function call, and loses the `.$` suffix; every other string is a literal. Subtrees with no
 * such field are built once and shared by every evaluation (never copied).
 */
import { runtimeError } from '../errors.js';
import { compileIntrinsic, IntrinsicSyntaxError, isIntrinsicCall } from '../intrinsics/index.js';
import { isJsonObject } from '../json.js';
import { compileDataPath, PathNotFoundError, PathSyntaxError } from '../jsonpath/index.js';
import { memoizeByText } from '../memo.js';
import type { EvaluationScope } from '../scope.js';

/** A compiled template: the payload it builds from an input. */
export type CompiledPayloadTemplate = (input: unknown, scope: EvaluationScope) => unknown;

/** What is wrong with a template field. */
export type TemplateProblem = 'invalid-value' | 'not-a-string' | 'duplicate-field';

/**
 * A template AWS rejects when the definition is created. `field` is the name as written (e.g. `parsed.$`);
 * AWS reports such errors at the template field itself (e.g. `/States/S/Parameters`), with the message
 * `The value for the field 'parsed.$' must be a valid JSONPath or a valid intrinsic function call`.
 */
export class TemplateSyntaxError extends Error {
  /** The offending field name, as written. */
  readonly field: string;
  /** Why the field is rejected. */
  readonly problem: TemplateProblem;
  /** Keys and indexes from the template's root to the object holding the field. */
  readonly path: readonly (string | number)[];

  constructor(field: string, problem: TemplateProblem, path: readonly (string | number)[]) {
    super(
      problem === 'duplicate-field'
        ? `The field '${field}' is specified more than once after removing the '.$' suffix`
        : `The value for the field '${field}' must be a valid JSONPath or a valid intrinsic function call`,
    );
    this.name = 'TemplateSyntaxError';
    this.field = field;
    this.problem = problem;
    this.path = path;
  }
}

/**
 * AWS's cause when a template path (or a Fail state's `ErrorPath`/`CausePath`, with `field` set to that
 * name) selects nothing, e.g. (AWS-recorded) `The JSONPath '$.x' specified for the field 'value.$' could not
 * be found in the input '{"a":1}'`. The input is the template's input, also for a `$$` context path.
 */
export function missingPathCause(path: string, field: string, input: unknown): string {
  return `The JSONPath '${path}' specified for the field '${field}' could not be found in the input '${JSON.stringify(input)}'`;
}

/**
 * Compiled templates by their JSON text. Definitions repeat templates (generated ones give every Lambda task
 * `{"Payload.$": "$"}`), and validating a definition compiles its templates right before compiling the
 * definition needs them again: one compiled template, pure and immutable, serves them all. Compiling a repeated
 * template once also keeps V8 from optimizing the template compiler itself, a job that would compete for the
 * machine's cores with the execution that follows.
 */
const compileTemplateText = memoizeByText((text) => evaluatorOf(compileNode(JSON.parse(text), [], undefined)));

/**
 * Templates longer than this (as JSON text) are compiled without the cache: its keys are the texts, and a few
 * thousand large constant templates would otherwise hold on to a lot of memory in a long-running service.
 */
const MAX_CACHED_TEMPLATE_CHARS = 4096;

/** Compiles a template. Throws {@link TemplateSyntaxError} for the first invalid field. */
export function compilePayloadTemplate(template: unknown): CompiledPayloadTemplate {
  const text: string | undefined = JSON.stringify(template);
  // (No text for `undefined`, which is not JSON: it compiles to itself.)
  if (text === undefined || text.length > MAX_CACHED_TEMPLATE_CHARS)
    return evaluatorOf(compileNode(template, [], undefined));
  return compileTemplateText(text);
}

/** Every invalid field of a template (empty when it compiles), for the definition validator. */
export function findPayloadTemplateErrors(template: unknown): TemplateSyntaxError[] {
  try {
    compilePayloadTemplate(template);
    return [];
  } catch (error) {
    if (!(error instanceof TemplateSyntaxError)) throw error;
    // Only an invalid template is compiled again, to list every problem.
    const errors: TemplateSyntaxError[] = [];
    compileNode(template, [], errors);
    return errors;
  }
}

type Compiled =
  | { readonly constant: true; readonly value: unknown }
  | { readonly constant: false; readonly evaluate: CompiledPayloadTemplate };

interface CompiledEntry {
  readonly name: string;
  readonly evaluate: CompiledPayloadTemplate;
}

/** With `errors`, problems are collected and compilation goes on; without, the first one is thrown. */
type Errors = TemplateSyntaxError[] | undefined;

function compileNode(value: unknown, path: (string | number)[], errors: Errors): Compiled {
  if (Array.isArray(value)) return compileArray(value, path, errors);
  if (isJsonObject(value)) return compileObject(value, path, errors);
  return { constant: true, value };
}

function compileArray(array: unknown[], path: (string | number)[], errors: Errors): Compiled {
  const items = array.map((item, i) => compileNode(item, [...path, i], errors));
  if (items.every((item) => item.constant)) return { constant: true, value: array };
  const evaluators = items.map(evaluatorOf);
  return {
    constant: false,
    evaluate: (input, scope) => {
      const result: unknown[] = new Array(evaluators.length);
      for (let i = 0; i < evaluators.length; i++) result[i] = evaluators[i](input, scope);
      return result;
    },
  };
}

function compileObject(object: Record<string, unknown>, path: (string | number)[], errors: Errors): Compiled {
  const entries: CompiledEntry[] = [];
  const names = new Set<string>();
  let constant = true;
  // Indexed, with no destructuring: validation and compilation run this for every template, mostly cold.
  const keys = Object.keys(object);
  for (let i = 0; i < keys.length; i++) {
    const key = keys[i];
    const value = object[key];
    const dynamic = key.endsWith('.$');
    const name = dynamic ? key.slice(0, -2) : key;
    if (names.has(name)) report(new TemplateSyntaxError(key, 'duplicate-field', path), errors);
    names.add(name);
    if (dynamic) {
      constant = false;
      entries.push({ name, evaluate: compileField(key, value, path, errors) });
    } else {
      const compiled = compileNode(value, [...path, key], errors);
      constant &&= compiled.constant;
      entries.push({ name, evaluate: evaluatorOf(compiled) });
    }
  }
  if (constant) return { constant: true, value: object };
  return {
    constant: false,
    evaluate: (input, scope) => {
      const result: Record<string, unknown> = {};
      // Indexed (no iterator per evaluation): templates are evaluated on every transition.
      for (let i = 0; i < entries.length; i++) {
        const entry = entries[i];
        const value = entry.evaluate(input, scope);
        // A plain assignment to `__proto__` would set the prototype instead of creating the field.
        if (entry.name === '__proto__') {
          Object.defineProperty(result, entry.name, { value, enumerable: true, writable: true, configurable: true });
        } else {
          result[entry.name] = value;
        }
      }
      return result;
    },
  };
}

/** A `.$` field: a path or an intrinsic call, checked and compiled now. */
function compileField(
  field: string,
  value: unknown,
  path: (string | number)[],
  errors: Errors,
): CompiledPayloadTemplate {
  if (typeof value !== 'string') return report(new TemplateSyntaxError(field, 'not-a-string', path), errors);
  try {
    if (value.startsWith('$')) return compileTemplatePath(value, field);
    if (isIntrinsicCall(value)) return compileIntrinsic(value);
  } catch (error) {
    if (!(error instanceof PathSyntaxError || error instanceof IntrinsicSyntaxError)) throw error;
  }
  return report(new TemplateSyntaxError(field, 'invalid-value', path), errors);
}

/**
 * A `.$` field's path. An array index out of bounds as its last step reads `null` (3P-measured on AWS by floci:
 * `"idx.$": "$.items[5]"` over two items gives `{"idx": null}`; Jayway on Jackson reads an absent item as a null
 * node), while anything else missing fails the state.
 */
function compileTemplatePath(text: string, field: string): CompiledPayloadTemplate {
  const select = compileDataPath(text);
  return (input, scope) => {
    try {
      return select(input, scope);
    } catch (error) {
      if (!(error instanceof PathNotFoundError)) throw error;
      if (error.indexOutOfBounds) return null;
      throw runtimeError(missingPathCause(text, field, input));
    }
  };
}

/** Throws the error, or records it and stands in a closure that is never run (the template is invalid). */
function report(error: TemplateSyntaxError, errors: Errors): CompiledPayloadTemplate {
  if (!errors) throw error;
  errors.push(error);
  return () => undefined;
}

function evaluatorOf(compiled: Compiled): CompiledPayloadTemplate {
  if (!compiled.constant) return compiled.evaluate;
  const value = compiled.value;
  return () => value;
}
