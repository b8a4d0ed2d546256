/**
 * The optimized integrations Lockstep calls through the AWS SDK: `arn:aws:states:::sqs:sendMessage`, `sns:publish`,
 * `dynamodb:getItem|putItem|updateItem|deleteItem` and `events:putEvents`. Unlike the AWS SDK integrations they run
 * on the Java SDK v1 on AWS: members keep the model's names, outputs carry the HTTP metadata (but EventBridge's),
 * errors are named the v1 way, and parameters the integration does not take are left out of the call.
 */
import type { Json } from '@lockstep/asl';
import type { ErrorStyle, TaskFailure } from './service-errors.js';

type JsonObject = { [key: string]: Json };

/** One optimized integration. */
export interface OptimizedService {
  /** The Step Functions service name of the SDK client that makes the call (and of its configured endpoint). */
  readonly sdkService: string;
  /** The actions, each with the parameters it takes (AWS drops the others from the call). */
  readonly actions: Readonly<Record<string, readonly string[]>>;
  /** Whether `.waitForTaskToken` is offered (not for DynamoDB). */
  readonly callback: boolean;
  readonly errors: ErrorStyle;
  /** Whether the output carries `SdkHttpMetadata` and `SdkResponseMetadata`. */
  readonly httpMetadata: boolean;
  /** Adjusts the parameters before the call; `context` is the Task's context object. */
  prepare?(parameters: JsonObject, context: Json): JsonObject;
  /** The failure AWS reports although the call succeeded. */
  failure?(output: JsonObject): TaskFailure | undefined;
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
};

/** AWS adds the state machine's and the execution's ARNs to every event's `Resources` (recorded). */
function withExecutionResources(parameters: JsonObject, context: Json): JsonObject {
  const entries = parameters.Entries;
  if (!Array.isArray(entries)) return parameters;
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
