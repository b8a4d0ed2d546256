/** "Create from example": the bundled examples, with what each needs to run; picking one opens it in the editor. */
import { examples } from '../examples.js';
import { navigate, paths } from '../router.js';

/** The list of examples (shown in a dialog). */
export function ExamplePicker() {
  return (
    <ul className="example-list">
      {examples.map((example) => (
        <li key={example.path}>
          <button
            type="button"
            className="example"
            onClick={() => navigate(`${paths.create()}?example=${encodeURIComponent(example.path)}`)}
          >
            <span className="example-name">
              {example.name} {example.type === 'EXPRESS' && <span className="badge">EXPRESS</span>}
              {example.needs ? (
                <span className="badge badge-needs">needs setup</span>
              ) : (
                <span className="badge badge-succeeded">runs as is</span>
              )}
            </span>
            <span className="example-path">{example.path}</span>
            {example.description && <span className="example-description">{example.description}</span>}
            {example.needs && <span className="example-needs">Needs {example.needs}.</span>}
          </button>
        </li>
      ))}
    </ul>
  );
}
