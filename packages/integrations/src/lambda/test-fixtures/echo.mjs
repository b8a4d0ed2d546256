// Answers with its event and what its context tells.
export const handler = async (event, context) => ({
  event,
  functionName: context.functionName,
  awsRequestId: context.awsRequestId,
  invokedFunctionArn: context.invokedFunctionArn,
  memoryLimitInMB: context.memoryLimitInMB,
  remainingPositive: context.getRemainingTimeInMillis() > 0,
  region: process.env.AWS_REGION,
  greeting: process.env.GREETING ?? null,
});
