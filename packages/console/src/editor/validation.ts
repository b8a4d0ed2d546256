/** The server's ValidateStateMachineDefinition diagnostics as CodeMirror diagnostics, at their location. */
import type { Diagnostic } from '@codemirror/lint';
import type { ValidationDiagnostic } from '../api/types.js';
import { locate } from './json-locations.js';

/** CodeMirror diagnostics for `text`; JSON syntax errors are left to the editor's own parser. */
export function toEditorDiagnostics(text: string, diagnostics: readonly ValidationDiagnostic[]): Diagnostic[] {
  return diagnostics
    .filter((d) => d.code !== 'INVALID_JSON_DESCRIPTION')
    .map((d) => {
      const range = locate(text, d.location) ?? { from: 0, to: Math.min(1, text.length) };
      return {
        ...range,
        severity: d.severity === 'ERROR' ? 'error' : 'warning',
        message: `${d.code}: ${d.message}${d.location ? ` (at ${d.location})` : ''}`,
      };
    });
}
