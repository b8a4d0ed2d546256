// "Sends" the approval email: POSTs it to a mailbox service instead of SMTP. Its approve and reject links go to an
// approval service, which calls SendTaskSuccess or SendTaskFailure with the task token they carry. Both URLs come
// from the environment the server starts with (its functions inherit it):
//   MAILBOX_URL=http://127.0.0.1:9001 APPROVAL_URL=http://127.0.0.1:9002 npm start -- --functions examples/workshop/human-approval/functions
export const handler = async (event) => {
  const { taskToken, executionName, request } = event;
  const link = (decision) => `${process.env.APPROVAL_URL}/${decision}?taskToken=${encodeURIComponent(taskToken)}`;
  const email = {
    to: request.manager,
    subject: `Approve ${request.days} days of leave for ${request.employee}? (${request.requestId})`,
    body: `Execution ${executionName} is waiting for your decision.`,
    approveLink: link('approve'),
    rejectLink: link('reject'),
  };
  const response = await fetch(process.env.MAILBOX_URL, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify(email),
  });
  if (!response.ok) throw new Error(`The mailbox answered ${response.status}`);
  return { sent: true };
};
