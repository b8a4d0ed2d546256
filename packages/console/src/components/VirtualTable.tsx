/**
 * A table whose rows are rendered only when visible (`@tanstack/react-virtual`), so that 10,000 rows cost what 30
 * do. Rows may expand (e.g. an event's details). A table whose body takes the keyboard: arrow keys move between
 * rows, Enter activates one.
 */
import { useVirtualizer } from '@tanstack/react-virtual';
import { type KeyboardEvent, type ReactNode, useRef, useState } from 'react';

/** A column. */
export interface Column<T> {
  header: string;
  /** A CSS grid track, e.g. `80px` or `2fr`. */
  width: string;
  cell: (row: T) => ReactNode;
}

/** Props of {@link VirtualTable}. */
export interface VirtualTableProps<T> {
  rows: readonly T[];
  columns: Column<T>[];
  rowKey: (row: T) => string;
  label: string;
  /** What Enter or a click on a row does. */
  onActivate?: (row: T) => void;
  /** Details shown under a row when it is expanded. */
  expanded?: (row: T) => ReactNode | undefined;
  height?: string;
  empty?: ReactNode;
}

const ROW_HEIGHT = 36;

/** The table. */
export function VirtualTable<T>({
  rows,
  columns,
  rowKey,
  label,
  onActivate,
  expanded,
  height = '60vh',
  empty = 'Nothing here yet.',
}: VirtualTableProps<T>) {
  const scroller = useRef<HTMLTableSectionElement>(null);
  const [focused, setFocused] = useState(0);
  const virtualizer = useVirtualizer({
    count: rows.length,
    getScrollElement: () => scroller.current,
    estimateSize: () => ROW_HEIGHT,
    overscan: 12,
    getItemKey: (index) => rowKey(rows[index]),
  });
  const template = columns.map((c) => c.width).join(' ');

  const onKeyDown = (event: KeyboardEvent) => {
    const move = { ArrowDown: 1, ArrowUp: -1, PageDown: 10, PageUp: -10 }[event.key];
    if (move !== undefined) {
      event.preventDefault();
      const next = Math.max(0, Math.min(rows.length - 1, focused + move));
      setFocused(next);
      virtualizer.scrollToIndex(next);
    } else if (event.key === 'Enter' && rows[focused]) {
      onActivate?.(rows[focused]);
    }
  };

  return (
    <table className="vtable" aria-label={label} aria-rowcount={rows.length + 1}>
      <thead>
        <tr className="vtable-header" style={{ gridTemplateColumns: template }}>
          {columns.map((c) => (
            <th key={c.header} scope="col">
              {c.header}
            </th>
          ))}
        </tr>
      </thead>
      {rows.length === 0 ? (
        <tbody>
          <tr>
            <td className="vtable-empty">{empty}</td>
          </tr>
        </tbody>
      ) : (
        <tbody
          className="vtable-body"
          ref={scroller}
          style={{ height: `min(${height}, ${virtualizer.getTotalSize()}px)` }}
          // biome-ignore lint/a11y/noNoninteractiveTabindex: the body takes the keyboard (arrows move, Enter opens)
          tabIndex={0}
          onKeyDown={onKeyDown}
        >
          {virtualizer.getVirtualItems().map((item) => {
            const row = rows[item.index];
            const details = expanded?.(row);
            return (
              <tr
                key={item.key}
                data-index={item.index}
                ref={virtualizer.measureElement}
                aria-rowindex={item.index + 2}
                className={`vtable-row${onActivate ? ' is-clickable' : ''}${item.index === focused ? ' is-focused' : ''}`}
                style={{ gridTemplateColumns: template, transform: `translateY(${item.start}px)` }}
                onClick={() => {
                  setFocused(item.index);
                  onActivate?.(row);
                }}
              >
                {columns.map((c) => (
                  <td key={c.header}>{c.cell(row)}</td>
                ))}
                {details && <td className="vtable-details">{details}</td>}
              </tr>
            );
          })}
        </tbody>
      )}
    </table>
  );
}
