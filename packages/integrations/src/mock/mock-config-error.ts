/** The error of a mock configuration that is not what Step Functions Local reads. */

/** A mock configuration that is not valid, or a test case it does not define; `path` locates the value (JSONPath). */
export class MockConfigError extends Error {
  override readonly name = 'MockConfigError';

  constructor(
    message: string,
    readonly path: string,
  ) {
    super(message);
  }
}
