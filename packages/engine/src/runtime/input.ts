/**
 * Execution input validation, as StartExecution does it: any JSON text is accepted (`2`, `"text"`, `null`),
 * an empty string is not, malformed JSON is reported with Jackson's message, and the payload limit applies.
 * Like Jackson, content after the first value is ignored (`true false` is `true`).
 */
import { type Json, parseJsonText } from '@lockstep/asl';
import { exceedsPayloadLimit } from '../payload.js';

/** An `Error` named `InvalidExecutionInput` with AWS's message. */
export function invalidExecutionInput(detail: string): Error {
  const error = new Error(`Invalid State Machine Execution Input: '${detail}'`);
  error.name = 'InvalidExecutionInput';
  return error;
}

/** Parses and checks execution input text; throws {@link invalidExecutionInput}. */
export function parseExecutionInput(text: string): { input: Json; inputText: string } {
  if (text.trim() === '') throw invalidExecutionInput('Invalid execution input.');
  if (exceedsPayloadLimit(text))
    throw invalidExecutionInput('Input size exceeds the maximum allowed size of 262144 bytes.');
  const parsed = parseJsonText(text);
  if (!parsed.ok) throw invalidExecutionInput(parsed.message);
  // The input text is the first state's input text too: where Jackson ignored trailing content, it is the value's.
  return { input: parsed.value as Json, inputText: parsed.exact ? text : JSON.stringify(parsed.value) };
}
