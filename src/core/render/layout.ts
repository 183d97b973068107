import type { BlockView, CanvasView, CellView } from './viewTypes';

/**
 * A block's cell for drawing: 0-based column and row (the view's cells are 1-based grid lines, as
 * the vocabulary writes them and CSS grid takes them).
 */
export type Cell = CellView;

function fits(cell: CellView | undefined, columns: number): cell is CellView {
  return !!cell && cell.column >= 1 && cell.row >= 1 && cell.columns >= 1 && cell.rows >= 1 && cell.column - 1 + cell.columns <= columns;
}

/** Each block of the view with its 0-based cell; a block outside the grid (a view built by hand) gets a full-width row below. */
export function placeBlocks(view: CanvasView): { block: BlockView; cell: Cell }[] {
  const columns = Math.max(1, view.grid.columns);
  let nextRow = Math.max(view.grid.rows, ...view.blocks.map((b) => (fits(b.cell, columns) ? b.cell.row - 1 + b.cell.rows : 0)));
  return view.blocks.map((block) => ({
    block,
    cell: fits(block.cell, columns)
      ? { column: block.cell.column - 1, row: block.cell.row - 1, columns: block.cell.columns, rows: block.cell.rows }
      : { column: 0, row: nextRow++, columns, rows: 1 },
  }));
}

/** Row heights that give every cell at least its height: single-row cells first, then spans share the rest. */
export function rowHeights(cells: readonly { cell: Cell; height: number }[], minimum: (row: number) => number): number[] {
  const count = Math.max(0, ...cells.map(({ cell }) => cell.row + cell.rows));
  const rows = Array.from({ length: count }, (_, r) => minimum(r));
  for (const { cell, height } of cells) if (cell.rows === 1) rows[cell.row] = Math.max(rows[cell.row], height);
  for (const { cell, height } of cells) {
    if (cell.rows === 1) continue;
    const spanned = rows.slice(cell.row, cell.row + cell.rows);
    const missing = height - spanned.reduce((a, b) => a + b, 0);
    if (missing > 0) for (let r = cell.row; r < cell.row + cell.rows; r++) rows[r] += Math.ceil(missing / cell.rows);
  }
  return rows;
}

/** The blocks of a group with 0-based cells relative to the group's own area. */
export function groupBlocks(view: CanvasView, group: string): { block: BlockView; cell: Cell }[] {
  const area = view.groups.find((g) => g.key === group)?.cell;
  return placeBlocks(view)
    .filter(({ block }) => block.group === group)
    .map(({ block, cell }) => ({
      block,
      cell: area ? { column: cell.column - (area.column - 1), row: cell.row - (area.row - 1), columns: cell.columns, rows: cell.rows } : cell,
    }));
}

/** The smallest cell (1-based) that covers `cells`. */
export function coveringCell(cells: readonly CellView[]): CellView {
  const column = Math.min(...cells.map((c) => c.column));
  const row = Math.min(...cells.map((c) => c.row));
  return {
    column,
    row,
    columns: Math.max(...cells.map((c) => c.column + c.columns)) - column,
    rows: Math.max(...cells.map((c) => c.row + c.rows)) - row,
  };
}
