// A test double of SNS for the workshop's end-to-end tests: answers Publish in SNS's query (XML) protocol and keeps
// what was published. Lockstep reaches it through `AWS_ENDPOINT_URL_SNS`.
import { type LocalHttpServer, startLocalHttpServer } from './local-http-server.js';

const namespace = 'http://sns.amazonaws.com/doc/2010-03-31/';

/** A message the double was asked to publish, as the Publish form carried it. */
export interface PublishedMessage {
  readonly topicArn: string | null;
  readonly subject: string | null;
  readonly message: string | null;
  /** The MessageId the double answered with. */
  readonly messageId: string;
  /** The RequestId the double answered with. */
  readonly requestId: string;
}

/** A running SNS double. */
export interface SnsDouble {
  /** `http://127.0.0.1:<port>` */
  readonly url: string;
  /** Everything published, oldest first. */
  readonly published: PublishedMessage[];
  close: () => Promise<void>;
}

/** Starts an SNS double on a free port; any action other than Publish gets SNS's InvalidAction error. */
export async function startSnsDouble(): Promise<SnsDouble> {
  const published: PublishedMessage[] = [];
  const server: LocalHttpServer = await startLocalHttpServer((request, response) => {
    const form = new URLSearchParams(request.body);
    const requestId = `sns-request-${published.length + 1}`;
    // A fixed Date header would differ from AWS's anyway; leaving it out keeps the answer's headers predictable.
    response.sendDate = false;
    if (form.get('Action') !== 'Publish') {
      response.writeHead(400, { 'x-amzn-RequestId': requestId, 'Content-Type': 'text/xml' });
      response.end(
        `<ErrorResponse xmlns="${namespace}"><Error><Type>Sender</Type><Code>InvalidAction</Code>` +
          `<Message>Could not find operation ${form.get('Action')} for version 2010-03-31</Message></Error>` +
          `<RequestId>${requestId}</RequestId></ErrorResponse>`,
      );
      return;
    }
    const messageId = `00000000-0000-4000-8000-${String(published.length + 1).padStart(12, '0')}`;
    published.push({
      topicArn: form.get('TopicArn'),
      subject: form.get('Subject'),
      message: form.get('Message'),
      messageId,
      requestId,
    });
    response.writeHead(200, { 'x-amzn-RequestId': requestId, 'Content-Type': 'text/xml' });
    response.end(
      `<PublishResponse xmlns="${namespace}"><PublishResult><MessageId>${messageId}</MessageId></PublishResult>` +
        `<ResponseMetadata><RequestId>${requestId}</RequestId></ResponseMetadata></PublishResponse>`,
    );
  });
  return { url: server.url, published, close: server.close };
}
