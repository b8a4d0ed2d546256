/**
 * Which function a Task calls: Lambda accepts a name, a partial ARN or a full ARN, each optionally with a
 * qualifier (`:version` or `:alias`); unqualified names resolve in the state machine's region and account.
 */

/** A function as Lambda resolves it. */
export interface FunctionRef {
  /** The function's name (no qualifier). */
  name: string;
  /** Version or alias, when one was given. */
  qualifier?: string;
  partition: string;
  region: string;
  accountId: string;
  /** `arn:<partition>:lambda:<region>:<account>:function:<name>[:<qualifier>]`, as Lambda's messages print it. */
  arn: string;
}

/** Where unqualified names live. */
export interface FunctionHome {
  partition: string;
  region: string;
  accountId: string;
}

/** Thrown for a `FunctionName` Lambda would reject; `code` is Lambda's error code. */
export class FunctionNameError extends Error {
  constructor(
    readonly code: string,
    message: string,
  ) {
    super(message);
    this.name = 'FunctionNameError';
  }
}

/**
 * Parses `FunctionName` (`my-fn`, `my-fn:v1`, `123456789012:function:my-fn`, `arn:aws:lambda:...:function:my-fn:1`)
 * and the separate `Qualifier` parameter.
 */
export function parseFunctionName(
  functionName: string,
  qualifier: string | undefined,
  home: FunctionHome,
): FunctionRef {
  const parts = functionName.split(':');
  let name: string;
  let derived: string | undefined;
  const at = { ...home };
  if (parts[0] === 'arn' && parts.length >= 7 && parts[5] === 'function') {
    [, at.partition, , at.region, at.accountId, , name, derived] = parts;
  } else if (parts.length >= 3 && parts[1] === 'function') {
    [at.accountId, , name, derived] = parts;
  } else {
    [name, derived] = parts;
  }
  if (derived !== undefined && qualifier !== undefined && derived !== qualifier) {
    throw new FunctionNameError(
      'InvalidParameterValueException',
      'The derived qualifier from the function name does not match the specified qualifier.',
    );
  }
  return functionRef(name, derived ?? qualifier, at);
}

/** The function of a legacy `arn:aws:lambda:REGION:ACCOUNT:function:NAME[:QUALIFIER]` resource. */
export function legacyFunctionRef(resourceArn: string): FunctionRef {
  const [, partition, , region, accountId, , name, qualifier] = resourceArn.split(':');
  return functionRef(name, qualifier, { partition, region, accountId });
}

/**
 * Where the state machine lives, read from the context object's `StateMachine.Id`
 * (`arn:<partition>:states:<region>:<account>:stateMachine:<name>`); `fallback` where it does not tell.
 */
export function homeOf(context: unknown, fallback: FunctionHome): FunctionHome {
  const id = (context as { StateMachine?: { Id?: unknown } } | null)?.StateMachine?.Id;
  if (typeof id !== 'string') return fallback;
  const [arn, partition, , region, accountId] = id.split(':');
  if (arn !== 'arn' || !partition || !region || !accountId) return fallback;
  return { partition, region, accountId };
}

function functionRef(name: string, qualifier: string | undefined, home: FunctionHome): FunctionRef {
  const base = `arn:${home.partition}:lambda:${home.region}:${home.accountId}:function:${name}`;
  return {
    name,
    ...(qualifier === undefined ? {} : { qualifier }),
    ...home,
    arn: qualifier ? `${base}:${qualifier}` : base,
  };
}
