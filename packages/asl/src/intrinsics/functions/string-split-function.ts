/**
 * `States.StringSplit(text, delimiters)`: Java's `StringTokenizer(text, delimiters)`.
 *
 * AWS-recorded: every character of the second argument is a separator (`'.+,'` splits on any of the three)
 * and empty tokens are dropped (`',,,,'` gives `[]`, `' , '` split on `,` gives `[' ', ' ']`);
 * AWS-observed: `''` gives `[]`. With no delimiter characters the whole text is one token.
 */
import { fixedArityFunction, type IntrinsicFunction, stringArgument } from './intrinsic-function.js';

/** `States.StringSplit`, as described above. */
export const STRING_SPLIT_FUNCTION: IntrinsicFunction = fixedArityFunction(2, 2, (text, delimiters) => {
  const name = 'States.StringSplit';
  const source = stringArgument(text, name);
  const separators = new Set(stringArgument(delimiters, name));
  const tokens: string[] = [];
  let token = '';
  // Iterating code points keeps a surrogate pair whole, as StringTokenizer does for such delimiters.
  for (const char of source) {
    if (!separators.has(char)) {
      token += char;
    } else if (token !== '') {
      tokens.push(token);
      token = '';
    }
  }
  if (token !== '') tokens.push(token);
  return tokens;
});
