/**
 * The encoding intrinsics: `States.Base64Encode`, `States.Base64Decode` and `States.Hash`.
 *
 * Inputs are limited to 10,000 characters (AWS docs; AWS-recorded: 10,000 passes, 10,001 is rejected).
 * Text is UTF-8 (see java-utf8). `States.Hash` accepts any non-null data and hashes the text Java prints for
 * it (AWS-observed: a number or an object is hashed, not rejected); the Base64 functions take strings only.
 */
import { bytesToHex } from '@noble/hashes/utils.js';
import { HASH_ALGORITHMS } from '../../digests.js';
import { decodeBase64Leniently, encodeBase64 } from '../base64.js';
import { invalidArguments } from '../intrinsic-failure.js';
import { javaToString } from '../java-text.js';
import { decodeUtf8, encodeUtf8 } from '../java-utf8.js';
import { fixedArityFunction, type IntrinsicFunction, stringArgument } from './intrinsic-function.js';

const MAX_INPUT_CHARS = 10_000;

function limitedString(value: unknown, functionName: string): string {
  const text = stringArgument(value, functionName);
  if (text.length > MAX_INPUT_CHARS) throw invalidArguments(functionName);
  return text;
}

/** `States.Base64Encode(text)`. */
const base64Encode = fixedArityFunction(1, 1, (text) =>
  encodeBase64(encodeUtf8(limitedString(text, 'States.Base64Encode'))),
);

/** `States.Base64Decode(base64)`; never fails on malformed Base64 (see base64.ts). */
const base64Decode = fixedArityFunction(1, 1, (base64) =>
  decodeUtf8(decodeBase64Leniently(limitedString(base64, 'States.Base64Decode'))),
);

/** `States.Hash(data, algorithm)`: the lowercase hex digest. */
const hash = fixedArityFunction(2, 2, (data, algorithm) => {
  const name = 'States.Hash';
  if (data === null) throw invalidArguments(name);
  const digest = HASH_ALGORITHMS.get(stringArgument(algorithm, name));
  if (!digest) throw invalidArguments(name);
  const text = javaToString(data);
  if (text.length > MAX_INPUT_CHARS) throw invalidArguments(name);
  return bytesToHex(digest(encodeUtf8(text)));
});

/** The encoding intrinsics by name. */
export const ENCODING_FUNCTIONS: Readonly<Record<string, IntrinsicFunction>> = {
  'States.Base64Encode': base64Encode,
  'States.Base64Decode': base64Decode,
  'States.Hash': hash,
};
