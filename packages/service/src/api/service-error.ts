/**
 * The errors the API answers with: AWS's error code (the `__type` shape name, e.g. `ExecutionDoesNotExist`),
 * AWS's message, and the HTTP status AWS uses for it.
 */

/** An API error with AWS's code, message and HTTP status. */
export class ServiceError extends Error {
  /** AWS's error shape name, e.g. `InvalidArn`. */
  readonly code: string;
  /** The HTTP status: 400 for client errors unless AWS uses another (409 conflicts, 402 quotas). */
  readonly status: number;
  /** Extra members of the error body (e.g. `resourceName`, `reason`). */
  readonly members: Record<string, unknown>;

  constructor(code: string, message: string, options: { status?: number; members?: Record<string, unknown> } = {}) {
    super(message);
    this.name = 'ServiceError';
    this.code = code;
    this.status = options.status ?? 400;
    this.members = options.members ?? {};
  }
}
