import type { DashboardTable, TableCell } from "@/domain/reporting/publish-dashboard";
import { TableScrollRegion } from "@/components/table-scroll-region";

/**
 * One published dashboard table, exactly as its CSV download has it: a caption, a header row, a
 * row header per row, totals in bold. Wide tables scroll sideways inside their own box.
 */
export function DashboardDataTable({ table, caption }: { table: DashboardTable; caption: string }) {
  if (table.rows.length === 0) return <p className="text-muted">Nothing to count in this period.</p>;
  return (
    <TableScrollRegion label={caption}>
      <table id={`table-${table.id}`} className="w-full border-collapse text-left" data-testid={`table-${table.id}`}>
        <caption className="sr-only">{caption}</caption>
        <thead>
          <tr className="border-b-2 border-ink">
            <th scope="col" className="py-2 pr-4 align-bottom">
              {table.rowHeader}
            </th>
            {table.columns.map((column) => (
              <th key={column} scope="col" className="py-2 pr-4 text-right align-bottom last:pr-0">
                {column}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {table.rows.map((row) => (
            <tr key={row.label} className={row.total ? "border-t-2 border-ink font-bold" : "border-b border-line"}>
              <th scope="row" className={`py-2 pr-4 ${row.total ? "" : "font-normal"}`}>
                {row.label}
              </th>
              {row.cells.map((cell, index) => (
                <td key={index} className="py-2 pr-4 text-right tabular-nums last:pr-0" data-suppressed={cell.suppressed || undefined}>
                  <CellText cell={cell} />
                </td>
              ))}
            </tr>
          ))}
        </tbody>
      </table>
    </TableScrollRegion>
  );
}

/** A cell's text; a hidden one reads "hidden" to a screen reader rather than its mark. */
export function CellText({ cell }: { cell: TableCell }) {
  if (!cell.suppressed) return <>{cell.text}</>;
  return (
    <>
      <span aria-hidden="true">{cell.text}</span>
      <span className="sr-only">hidden</span>
    </>
  );
}

/** One column of a table as chart rows (totals left out): the chart draws what the table publishes. */
export function chartRows(table: DashboardTable, column: number) {
  return table.rows
    .filter((row) => !row.total)
    .map((row) => {
      const cell: TableCell = row.cells[column]!;
      return { label: row.label, value: cell.value, display: cell.text, suppressed: cell.suppressed };
    });
}
