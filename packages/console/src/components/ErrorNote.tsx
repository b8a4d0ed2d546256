/** An error shown in a page: the API's error name and message. */
import { ApiError } from '../api/client.js';

/** The note; nothing without an error. */
export function ErrorNote({ error }: { error: unknown }) {
  if (!error) return null;
  const code = error instanceof ApiError ? error.code : 'Error';
  return (
    <div className="error-note" role="alert">
      <strong>{code}</strong> {(error as Error).message ?? String(error)}
    </div>
  );
}
