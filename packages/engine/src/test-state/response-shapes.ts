/**
 * The response shapes a mocked Task result is checked against (`fieldValidationMode`), taken from the AWS service
 * models (botocore) of the integrations Lockstep ships: Lambda Invoke, Step Functions StartExecution (and, for
 * `.sync`, DescribeExecution, the API AWS polls), EventBridge PutEvents, SQS SendMessage, SNS Publish and the
 * DynamoDB item actions, optimized or through `aws-sdk:`. Member names are Step Functions' (PascalCase). Other
 * resources have no shape here: their mocks are not checked, as AWS does not check HTTP Task, API Gateway and EKS
 * mocks, and as the AWS SDK v3 clients carry no model at run time to check the other `aws-sdk:` actions against.
 */
import type { TaskResource } from '../resource.js';

/** A shape of a service model, reduced to what the check reads. */
export type Shape =
  | { type: 'structure'; members: Record<string, Shape>; required?: readonly string[] }
  | { type: 'list'; member: Shape }
  | { type: 'map'; value: Shape }
  | { type: 'string'; enum?: readonly string[] }
  | { type: 'timestamp' | 'integer' | 'long' | 'double' | 'boolean' | 'blob' };

const string: Shape = { type: 'string' };
const integer: Shape = { type: 'integer' };
const double: Shape = { type: 'double' };
const timestamp: Shape = { type: 'timestamp' };

function structure(members: Record<string, Shape>, required?: readonly string[]): Shape {
  return { type: 'structure', members, required };
}

const lambdaInvoke = structure({
  StatusCode: integer,
  FunctionError: string,
  LogResult: string,
  Payload: { type: 'blob' },
  ExecutedVersion: string,
});

const startExecution = structure({ ExecutionArn: string, StartDate: timestamp }, ['ExecutionArn', 'StartDate']);

const describeExecution = structure(
  {
    ExecutionArn: string,
    StateMachineArn: string,
    Name: string,
    Status: { type: 'string', enum: ['RUNNING', 'SUCCEEDED', 'FAILED', 'TIMED_OUT', 'ABORTED', 'PENDING_REDRIVE'] },
    StartDate: timestamp,
    StopDate: timestamp,
    Input: string,
    InputDetails: structure({ Included: { type: 'boolean' } }),
    Output: string,
    OutputDetails: structure({ Included: { type: 'boolean' } }),
    TraceHeader: string,
    MapRunArn: string,
    Error: string,
    Cause: string,
    StateMachineVersionArn: string,
    StateMachineAliasArn: string,
    RedriveCount: integer,
    RedriveDate: timestamp,
    RedriveStatus: { type: 'string', enum: ['REDRIVABLE', 'NOT_REDRIVABLE', 'REDRIVABLE_BY_MAP_RUN'] },
    RedriveStatusReason: string,
  },
  ['ExecutionArn', 'StateMachineArn', 'Status', 'StartDate'],
);

const putEvents = structure({
  FailedEntryCount: integer,
  Entries: { type: 'list', member: structure({ EventId: string, ErrorCode: string, ErrorMessage: string }) },
});

const sendMessage = structure({
  MD5OfMessageBody: string,
  MD5OfMessageAttributes: string,
  MD5OfMessageSystemAttributes: string,
  MessageId: string,
  SequenceNumber: string,
});

const publish = structure({ MessageId: string, SequenceNumber: string });

/** DynamoDB's `AttributeValue`, recursive through `M` and `L`. */
const attributeMembers: Record<string, Shape> = {};
const attributeValue = structure(attributeMembers);
Object.assign(attributeMembers, {
  S: string,
  N: string,
  B: { type: 'blob' },
  SS: { type: 'list', member: string },
  NS: { type: 'list', member: string },
  BS: { type: 'list', member: { type: 'blob' } },
  M: { type: 'map', value: attributeValue },
  L: { type: 'list', member: attributeValue },
  NULL: { type: 'boolean' },
  BOOL: { type: 'boolean' },
});
const item: Shape = { type: 'map', value: attributeValue };
const capacity = structure({ ReadCapacityUnits: double, WriteCapacityUnits: double, CapacityUnits: double });
const consumedCapacity = structure({
  TableName: string,
  CapacityUnits: double,
  ReadCapacityUnits: double,
  WriteCapacityUnits: double,
  Table: capacity,
  LocalSecondaryIndexes: { type: 'map', value: capacity },
  GlobalSecondaryIndexes: { type: 'map', value: capacity },
});
const itemCollectionMetrics = structure({
  ItemCollectionKey: item,
  SizeEstimateRangeGB: { type: 'list', member: double },
});
const writeItem = structure({
  Attributes: item,
  ConsumedCapacity: consumedCapacity,
  ItemCollectionMetrics: itemCollectionMetrics,
});

/** Shapes by `service:action`, services named as in `aws-sdk:` resources. */
const SHAPES: Record<string, Shape> = {
  'lambda:invoke': lambdaInvoke,
  'sfn:startExecution': startExecution,
  'sfn:describeExecution': describeExecution,
  'eventbridge:putEvents': putEvents,
  'sqs:sendMessage': sendMessage,
  'sns:publish': publish,
  'dynamodb:getItem': structure({ Item: item, ConsumedCapacity: consumedCapacity }),
  'dynamodb:putItem': writeItem,
  'dynamodb:updateItem': writeItem,
  'dynamodb:deleteItem': writeItem,
};

/** The optimized integrations' service names as `aws-sdk:` resources name them. */
const SDK_SERVICE: Record<string, string> = { states: 'sfn', events: 'eventbridge' };

/**
 * The shape of the result a mock replaces for `resource`, if Lockstep knows it: a callback's result is whatever
 * the token's sender gives, and a `.sync` result is what the polled Describe action answers.
 */
export function responseShape(resource: TaskResource): Shape | undefined {
  if (resource.kind !== 'service' || resource.pattern === 'waitForTaskToken') return undefined;
  const sdk = resource.resourceType.startsWith('aws-sdk:');
  const service = sdk ? resource.resourceType.slice('aws-sdk:'.length) : resource.resourceType;
  const action = resource.resource.split('.')[0] ?? '';
  const name = SDK_SERVICE[service] ?? service;
  if (name === 'sfn' && action === 'startExecution' && resource.pattern !== 'request-response') {
    return describeExecution;
  }
  return SHAPES[`${name}:${action}`];
}
