/** The legend of an execution's graph: what each colour means. */

const ITEMS: [status: string, label: string][] = [
  ['succeeded', 'Succeeded'],
  ['failed', 'Failed'],
  ['caught', 'Caught error'],
  ['running', 'In progress'],
  ['aborted', 'Cancelled'],
  ['none', 'Not reached'],
];

/** The legend. */
export function Legend() {
  return (
    <ul className="legend" aria-label="Legend">
      {ITEMS.map(([status, label]) => (
        <li key={status}>
          <span className={`legend-swatch status-${status}`} aria-hidden="true" />
          {label}
        </li>
      ))}
    </ul>
  );
}
