import type { BlockView, CanvasView } from './viewTypes';

/** A block's cell on the canvas: a 10-column grid, three rows (domain.md, "position on the canvas"). */
export interface Cell {
  area: string;
  column: number;
  row: number;
  columns: number;
  rows: number;
}

export const GRID_COLUMNS = 10;

/** The classic Business Model Canvas (Osterwalder & Pigneur): five columns over two rows, two halves below. */
export const CANVAS_LAYOUT: readonly Cell[] = [
  { area: 'key-partnerships', column: 0, row: 0, columns: 2, rows: 2 },
  { area: 'key-activities', column: 2, row: 0, columns: 2, rows: 1 },
  { area: 'key-resources', column: 2, row: 1, columns: 2, rows: 1 },
  { area: 'value-propositions', column: 4, row: 0, columns: 2, rows: 2 },
  { area: 'customer-relationships', column: 6, row: 0, columns: 2, rows: 1 },
  { area: 'channels', column: 6, row: 1, columns: 2, rows: 1 },
  { area: 'customer-segments', column: 8, row: 0, columns: 2, rows: 2 },
  { area: 'cost-structure', column: 0, row: 2, columns: 5, rows: 1 },
  { area: 'revenue-streams', column: 5, row: 2, columns: 5, rows: 1 },
];

/** Each block of the view with its cell; a block the layout does not know gets a full-width row below. */
export function placeBlocks(view: CanvasView): { block: BlockView; cell: Cell }[] {
  const known = new Map(CANVAS_LAYOUT.map((c) => [c.area, c]));
  let nextRow = Math.max(...CANVAS_LAYOUT.map((c) => c.row + c.rows));
  return view.blocks.map((block) => ({
    block,
    cell: known.get(block.area) ?? { area: block.area, column: 0, row: nextRow++, columns: GRID_COLUMNS, rows: 1 },
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
