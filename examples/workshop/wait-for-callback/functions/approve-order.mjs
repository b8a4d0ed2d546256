// Approves an order and reports it to Step Functions with the task token it was handed. The Step Functions
// endpoint comes from AWS_ENDPOINT_URL_SFN, set where the server starts (its functions inherit its environment):
//   AWS_ENDPOINT_URL_SFN=http://127.0.0.1:8083 npm start -- --functions examples/workshop/wait-for-callback/functions
import { SendTaskFailureCommand, SendTaskSuccessCommand, SFNClient } from '@aws-sdk/client-sfn';

const sfn = new SFNClient({});

export const handler = async (event) => {
  const { taskToken, order } = event;
  if (order.amount > 1000) {
    await sfn.send(
      new SendTaskFailureCommand({ taskToken, error: 'OrderRejected', cause: `Order ${order.orderId} is too large` }),
    );
    return { rejected: order.orderId };
  }
  await sfn.send(new SendTaskSuccessCommand({ taskToken, output: JSON.stringify({ approvedBy: 'approve-order' }) }));
  return { approved: order.orderId };
};
