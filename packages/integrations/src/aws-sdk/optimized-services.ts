/**
 * The optimized integrations Lockstep calls through the AWS SDK: `arn:aws:states:::sqs:sendMessage`, `sns:publish`,
 * `dynamodb:getItem|putItem|updateItem|deleteItem`, `events:putEvents`, and the jobs run with `.sync` (see
 * `./sync-jobs.ts`): `glue:startJobRun`, `athena:startQueryExecution`, `batch:submitJob`, `codebuild:startBuild`,
 * `ecs:runTask`. Unlike the AWS SDK integrations they run on the Java SDK v1 on AWS: members keep the model's names
 * (capitalized), outputs carry the HTTP metadata (but EventBridge's), errors are named the v1 way, and parameters the
 * integration does not take are left out of the call.
 */
import type { Json } from '@lockstep/asl';
import type { IntegrationPattern, IntegrationRequest } from '@lockstep/engine';
import type { ErrorStyle, TaskFailure } from './service-errors.js';
import { JOB_SERVICES, type SyncJob } from './sync-jobs.js';

type JsonObject = { [key: string]: Json };

/** One optimized integration. */
export interface OptimizedService {
  /** The Step Functions service name of the SDK client that makes the call (and of its configured endpoint). */
  readonly sdkService: string;
  /**
   * The actions, each with the parameters it takes (AWS drops the others from the call), or `all` where the call
   * takes whatever the API does.
   */
  readonly actions: Readonly<Record<string, readonly string[] | 'all'>>;
  /** Whether `.waitForTaskToken` is offered (not for DynamoDB). */
  readonly callback: boolean;
  readonly errors: ErrorStyle;
  /** Whether the output carries `SdkHttpMetadata` and `SdkResponseMetadata`. */
  readonly httpMetadata: boolean;
  /** The actions that run a job with `.sync`, by action. */
  readonly jobs?: Readonly<Record<string, SyncJob>>;
  /** Adjusts the parameters before the call. */
  prepare?(parameters: JsonObject, request: IntegrationRequest): JsonObject;
  /** The failure AWS reports although the call succeeded. */
  failure?(output: JsonObject, pattern: IntegrationPattern): TaskFailure | undefined;
  /** Members AWS adds to the call's answer, from the parameters the call was made with. */
  complete?(output: JsonObject, parameters: Json): JsonObject | undefined;
}

const DYNAMODB_COMMON = ['Key', 'TableName', 'ExpressionAttributeNames', 'ReturnConsumedCapacity'];
const DYNAMODB_WRITE = [
  'ConditionalOperator',
  'ConditionExpression',
  'Expected',
  'ExpressionAttributeValues',
  'ReturnItemCollectionMetrics',
  'ReturnValues',
];

/** The optimized integrations by the resource type in their ARN (`sqs` of `arn:aws:states:::sqs:sendMessage`). */
export const OPTIMIZED_SERVICES: Readonly<Record<string, OptimizedService>> = {
  sqs: {
    sdkService: 'sqs',
    actions: {
      sendMessage: [
        'DelaySeconds',
        'MessageAttributes',
        'MessageBody',
        'MessageDeduplicationId',
        'MessageGroupId',
        'QueueUrl',
      ],
    },
    callback: true,
    errors: { sdk: 'java-v1', prefix: 'SQS', serviceName: 'AmazonSQS', unmodeled: 'AmazonSQSException' },
    httpMetadata: true,
  },
  sns: {
    sdkService: 'sns',
    actions: {
      publish: [
        'Message',
        'MessageAttributes',
        'MessageDeduplicationId',
        'MessageGroupId',
        'MessageStructure',
        'PhoneNumber',
        'Subject',
        'TargetArn',
        'TopicArn',
      ],
    },
    callback: true,
    errors: { sdk: 'java-v1', prefix: 'SNS', serviceName: 'AmazonSNS', unmodeled: 'AmazonSNSException' },
    httpMetadata: true,
  },
  dynamodb: {
    sdkService: 'dynamodb',
    actions: {
      getItem: [...DYNAMODB_COMMON, 'AttributesToGet', 'ConsistentRead', 'ProjectionExpression'],
      putItem: ['Item', 'TableName', 'ExpressionAttributeNames', 'ReturnConsumedCapacity', ...DYNAMODB_WRITE],
      deleteItem: [...DYNAMODB_COMMON, ...DYNAMODB_WRITE],
      updateItem: [...DYNAMODB_COMMON, ...DYNAMODB_WRITE, 'AttributeUpdates', 'UpdateExpression'],
    },
    callback: false,
    errors: {
      sdk: 'java-v1',
      prefix: 'DynamoDB',
      serviceName: 'AmazonDynamoDBv2',
      unmodeled: 'AmazonDynamoDBException',
    },
    httpMetadata: true,
  },
  events: {
    sdkService: 'eventbridge',
    actions: { putEvents: ['Entries'] },
    callback: true,
    errors: {
      sdk: 'java-v1',
      prefix: 'EventBridge',
      serviceName: 'AmazonEventBridge',
      unmodeled: 'AmazonEventBridgeException',
    },
    httpMetadata: false,
    prepare: withExecutionResources,
    failure: failedEntries,
  },
  ...JOB_SERVICES,
};

/** AWS adds the state machine's and the execution's ARNs to every event's `Resources` (recorded). */
function withExecutionResources(parameters: JsonObject, request: IntegrationRequest): JsonObject {
  const entries = parameters.Entries;
  if (!Array.isArray(entries)) return parameters;
  const { context } = request;
  const added = [idOf(context, 'StateMachine'), idOf(context, 'Execution')].filter((id) => id !== undefined);
  return {
    ...parameters,
    Entries: entries.map((entry) => {
      if (typeof entry !== 'object' || entry === null || Array.isArray(entry)) return entry;
      const resources = Array.isArray(entry.Resources) ? entry.Resources : [];
      return { ...entry, Resources: [...resources, ...added] };
    }),
  };
}

function idOf(context: Json, member: 'StateMachine' | 'Execution'): string | undefined {
  if (typeof context !== 'object' || context === null || Array.isArray(context)) return undefined;
  const holder = context[member];
  if (typeof holder !== 'object' || holder === null || Array.isArray(holder)) return undefined;
  return typeof holder.Id === 'string' ? holder.Id : undefined;
}

/** Events that EventBridge refused fail the task with the whole response as the cause (recorded). */
function failedEntries(output: JsonObject): TaskFailure | undefined {
  const failed = output.FailedEntryCount;
  return typeof failed === 'number' && failed > 0
    ? { error: 'EventBridge.FailedEntry', cause: JSON.stringify(output) }
    : undefined;
}
