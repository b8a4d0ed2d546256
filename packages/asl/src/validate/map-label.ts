/**
 * A Distributed Map's `Label`: it becomes part of the child state machines' ARNs, so AWS restricts it.
 */
import type { ValidationContext } from './context.js';
import { DiagnosticCode } from './diagnostics.js';
import { checkType } from './value-checks.js';

/** AWS's longest label. */
const MAX_LABEL_LENGTH = 40;
/** The characters a label must not contain, in the order AWS tests them (the first found is reported). */
const FORBIDDEN = [
  ...' ?*<>{}[]:;,\\|^~$#%&`"',
  ...Array.from({ length: 0x20 }, (_, i) => String.fromCharCode(i)),
  ...Array.from({ length: 0x21 }, (_, i) => String.fromCharCode(0x7f + i)),
];

/** Checks `Label` at `location` (the field's own location). */
export function checkMapLabel(ctx: ValidationContext, value: unknown, location: string): void {
  const out = ctx.out;
  if (!checkType(out, value, 'STRING', location)) return;
  const label = value as string;
  const problem =
    label.length === 0
      ? 'Label cannot be empty'
      : label.length > MAX_LABEL_LENGTH
        ? `Label cannot exceed ${MAX_LABEL_LENGTH} characters`
        : forbiddenCharacterProblem(label);
  if (problem !== undefined) out.error(DiagnosticCode.InvalidLabelName, problem, location);
}

function forbiddenCharacterProblem(label: string): string | undefined {
  const found = FORBIDDEN.find((c) => label.includes(c));
  return found === undefined ? undefined : `Label contains invalid character: '${escapeCharacter(found)}'`;
}

/** Control characters are named by their escape (`\x01`, `\n`), as AWS's message shows them. */
function escapeCharacter(c: string): string {
  const named: Record<string, string> = { '\t': '\\t', '\n': '\\n', '\r': '\\r', '\\': '\\\\' };
  if (named[c] !== undefined) return named[c];
  const code = c.charCodeAt(0);
  return code < 0x20 || code >= 0x7f ? `\\x${code.toString(16).padStart(2, '0')}` : c;
}
