/**
 * The two ways a JSONPath can fail: its text is not a path (at compile time), or it selects nothing (at run time).
 */

/**
 * Thrown when a definite path selects nothing; `message` is Jayway's text, e.g. `No results for path: $['x']` or
 * `Missing property in path $['a']`.
 */
export class PathNotFoundError extends Error {
  /**
   * The first path step that could not be applied: a property name, or an array index as decimal text. Step
   * Functions names it in `Unable to apply step "<step>" to input <json>` when a reference path (e.g. `ItemsPath`)
   * cannot be read. Absent when the failure is not tied to one step (e.g. an undefined variable).
   */
  readonly step: string | undefined;
  /**
   * True when the path's last step is an array index out of bounds. Jayway skips it (so the path has no result);
   * Jayway on Jackson, as AWS runs it for a payload template field, reads it as `null` (see `compileTemplatePath`).
   */
  readonly indexOutOfBounds: boolean;

  constructor(message: string, step?: string, indexOutOfBounds = false) {
    super(message);
    this.name = 'PathNotFoundError';
    this.step = step;
    this.indexOutOfBounds = indexOutOfBounds;
  }
}

/** Thrown by the compilers for text that is not a valid path of the requested kind. */
export class PathSyntaxError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'PathSyntaxError';
  }
}

/** True when `parse` accepts `text`: it throws {@link PathSyntaxError} for text that is not a path. */
export function parsesAsPath(text: string, parse: (text: string) => unknown): boolean {
  try {
    parse(text);
    return true;
  } catch (error) {
    if (error instanceof PathSyntaxError) return false;
    throw error;
  }
}
