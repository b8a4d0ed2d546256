/**
 * Capturing the HTTP response of an AWS SDK call, for the `SdkHttpMetadata` an optimized integration's output carries
 * (see `../sdk-metadata.ts`).
 */
import type { RawResponse } from '../sdk-metadata.js';
import type { SdkCommand } from './sdk-clients.js';

interface DeserializeResult {
  response?: { statusCode?: number; headers?: Record<string, string>; body?: { rawHeaders?: string[] } };
}

/** Records the HTTP response `command` gets (the last one, when the SDK retried); read it once the call returned. */
export function captureResponse(command: SdkCommand): () => RawResponse | undefined {
  let captured: RawResponse | undefined;
  command.middlewareStack.add(
    (next: (args: unknown) => Promise<DeserializeResult>) => async (args: unknown) => {
      const result = await next(args);
      const response = result.response;
      if (response?.statusCode !== undefined) {
        // Node's handler keeps the `IncomingMessage` as the body: its raw headers have the names' case.
        const raw = response.body?.rawHeaders ?? Object.entries(response.headers ?? {}).flat();
        captured = { statusCode: response.statusCode, rawHeaders: raw };
      }
      return result;
    },
    { step: 'deserialize', name: 'lockstepCaptureResponse' },
  );
  return () => captured;
}
