/** A CodeMirror 6 JSON editor: syntax highlighting, folding, JSON syntax errors and optional extra diagnostics. */
import { json, jsonParseLinter } from '@codemirror/lang-json';
import { type Diagnostic, linter, lintGutter } from '@codemirror/lint';
import { EditorState } from '@codemirror/state';
import { EditorView } from '@codemirror/view';
import { useEffect, useRef } from 'react';
import { editorSetup } from './editor-setup.js';

/** Props of {@link JsonEditor}. */
export interface JsonEditorProps {
  value: string;
  onChange?: (value: string) => void;
  readOnly?: boolean;
  /** More diagnostics for a text that parses (e.g. the server's validation). */
  lint?: (text: string) => Promise<Diagnostic[]>;
  /** The accessible name of the editor. */
  label: string;
  height?: string;
}

/** The editor. Changing `value` from outside replaces the text (the user's own edits come back unchanged). */
export function JsonEditor({ value, onChange, readOnly = false, lint, label, height = '320px' }: JsonEditorProps) {
  const host = useRef<HTMLDivElement>(null);
  const view = useRef<EditorView>(undefined);
  const onChangeRef = useRef(onChange);
  onChangeRef.current = onChange;
  const lintRef = useRef(lint);
  lintRef.current = lint;

  // biome-ignore lint/correctness/useExhaustiveDependencies: the editor is made once; value changes are dispatched below
  useEffect(() => {
    const parseLinter = jsonParseLinter();
    const extensions = [
      editorSetup,
      json(),
      EditorView.lineWrapping,
      EditorState.readOnly.of(readOnly),
      EditorView.editable.of(!readOnly),
      EditorView.contentAttributes.of({ 'aria-label': label }),
      EditorView.theme({ '&': { height }, '.cm-scroller': { overflow: 'auto' } }),
      EditorView.updateListener.of((update) => {
        if (update.docChanged) onChangeRef.current?.(update.state.doc.toString());
      }),
    ];
    if (!readOnly) {
      extensions.push(
        lintGutter(),
        linter(
          async (v) => {
            const syntax = parseLinter(v);
            if (syntax.length > 0 || !lintRef.current) return syntax;
            return lintRef.current(v.state.doc.toString());
          },
          { delay: 400 },
        ),
      );
    }
    view.current = new EditorView({ parent: host.current!, state: EditorState.create({ doc: value, extensions }) });
    return () => view.current?.destroy();
  }, []);

  useEffect(() => {
    const v = view.current;
    if (v && v.state.doc.toString() !== value) {
      v.dispatch({ changes: { from: 0, to: v.state.doc.length, insert: value } });
    }
  }, [value]);

  return <div className="json-editor" ref={host} />;
}
