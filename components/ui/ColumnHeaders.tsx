import type { ReactNode } from 'react';

export interface Column {
  label: ReactNode;
  align?: 'left' | 'right';
}

/**
 * A table's header row: one `<th scope="col">` per column, each with `cellClassName`, every one but the last with
 * `gap` on its right. Pass full Tailwind class names (Tailwind finds them in the caller's source).
 */
export function ColumnHeaders({
  columns,
  rowClassName,
  cellClassName,
  gap,
}: {
  columns: readonly Column[];
  rowClassName?: string;
  cellClassName?: string;
  gap: string;
}) {
  return (
    <thead>
      <tr className={rowClassName}>
        {columns.map((column, index) => {
          const classes = [
            cellClassName,
            index < columns.length - 1 ? gap : null,
            column.align === 'right' ? 'text-right' : null,
          ]
            .filter(Boolean)
            .join(' ');
          return (
            <th key={index} scope="col" className={classes || undefined}>
              {column.label}
            </th>
          );
        })}
      </tr>
    </thead>
  );
}
