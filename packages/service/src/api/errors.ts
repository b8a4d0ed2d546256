/**
 * AWS's API errors with AWS's message texts, so that every operation words the same error the same way.
 *
 * Recorded against AWS (LocalStack's AWS-validated snapshots): the `... Does Not Exist`, `Already Exists`,
 * `Invalid Name`, `Invalid Arn: 'Invalid ARN prefix: ...'`, `Invalid Arn: 'Resource type not valid in this
 * context: ...'`, `Resource not found`, and the `N validation error(s) detected: ...` texts. The others are
 * marked where they are defined.
 */
import { ServiceError } from './service-error.js';

/** `InvalidArn`: `Invalid Arn: '<detail>'`. */
export function invalidArn(detail: string): ServiceError {
  return new ServiceError('InvalidArn', `Invalid Arn: '${detail}'`);
}

/** `InvalidArn` for text that is not a Step Functions ARN at all. */
export function invalidArnPrefix(arn: string): ServiceError {
  return invalidArn(`Invalid ARN prefix: ${arn}`);
}

/** `InvalidArn` for an ARN of another resource type, e.g. an execution ARN where a state machine is expected. */
export function resourceTypeNotValid(resourceType: string): ServiceError {
  return invalidArn(`Resource type not valid in this context: ${resourceType}`);
}

/**
 * `InvalidArn` for a Step Functions ARN of the right type whose resource part is malformed (a missing name, extra
 * parts). AWS's wording for this case is not recorded; this one follows the shape of the recorded ones.
 */
export function malformedArn(arn: string): ServiceError {
  return invalidArn(`Invalid ARN: ${arn}`);
}

/** `InvalidName`: a name with a character AWS forbids. */
export function invalidName(name: string): ServiceError {
  return new ServiceError('InvalidName', `Invalid Name: '${name}'`);
}

/** `StateMachineDoesNotExist`, naming the ARN as the client sent it. */
export function stateMachineDoesNotExist(arn: string): ServiceError {
  return new ServiceError('StateMachineDoesNotExist', `State Machine Does Not Exist: '${arn}'`);
}

/** `StateMachineAlreadyExists`: a state machine of that name exists with another definition or configuration. */
export function stateMachineAlreadyExists(arn: string): ServiceError {
  return new ServiceError('StateMachineAlreadyExists', `State Machine Already Exists: '${arn}'`);
}

/** `ExecutionDoesNotExist`, naming the ARN as the client sent it. */
export function executionDoesNotExist(arn: string): ServiceError {
  return new ServiceError('ExecutionDoesNotExist', `Execution Does Not Exist: '${arn}'`);
}

/** `ActivityDoesNotExist`, naming the ARN as the client sent it. */
export function activityDoesNotExist(arn: string): ServiceError {
  return new ServiceError('ActivityDoesNotExist', `Activity Does Not Exist: '${arn}'`);
}

/** `ResourceNotFound` (tagging), with the `resourceName` member AWS's model gives it. */
export function resourceNotFound(arn: string): ServiceError {
  return new ServiceError('ResourceNotFound', `Resource not found: '${arn}'`, { members: { resourceName: arn } });
}

/** `StateMachineTypeNotSupported`: the operation does not apply to this type (Express or Standard). */
export function stateMachineTypeNotSupported(): ServiceError {
  return new ServiceError(
    'StateMachineTypeNotSupported',
    'This operation is not supported by this type of state machine',
  );
}

/**
 * `ValidationException` for request members that break the model's constraints, as AWS's request validation words
 * it: `1 validation error detected: <violation>` or `N validation errors detected: <v1>; <v2>`.
 */
export function constraintViolations(violations: readonly string[]): ServiceError {
  const count = violations.length;
  return validationError(`${count} validation error${count === 1 ? '' : 's'} detected: ${violations.join('; ')}`);
}

/** `ValidationException` with a message of the operation's own (e.g. `versionDescription` without `publish`). */
export function validationError(message: string, reason?: string): ServiceError {
  return new ServiceError('ValidationException', message, reason ? { members: { reason } } : {});
}

/**
 * `SerializationException`: the request body or a member has the wrong JSON type. The texts follow AWS's request
 * deserializer as recorded for DynamoDB, which shares it (`class java.lang.Boolean can not be converted to an
 * String`, `Start of list found where not expected`, ...).
 */
export function serializationError(message: string): ServiceError {
  return new ServiceError('SerializationException', message);
}

/** `InvalidToken` for a `nextToken` that this listing did not issue or that expired (text inferred). */
export function invalidToken(): ServiceError {
  return new ServiceError('InvalidToken', "Invalid Token: 'Invalid token'");
}
