/** Converts between offsets in a text and zero-based line/character positions (UTF-16 units, like VS Code). */
export interface Position {
  line: number;
  character: number;
}

export class LineIndex {
  private readonly lineStarts: number[];

  constructor(private readonly text: string) {
    const starts = [0];
    if (text.includes('\r')) {
      // A lone CR (old Mac line ends, or mixed ones) is a line break too, as in VS Code.
      for (let i = 0; i < text.length; i++) {
        const c = text.charCodeAt(i);
        if (c === 10 || (c === 13 && text.charCodeAt(i + 1) !== 10)) starts.push(i + 1);
      }
    } else for (let i = text.indexOf('\n'); i !== -1; i = text.indexOf('\n', i + 1)) starts.push(i + 1);
    this.lineStarts = starts;
  }

  get lineCount(): number {
    return this.lineStarts.length;
  }

  positionAt(offset: number): Position {
    const clamped = Math.max(0, Math.min(offset, this.text.length));
    let low = 0;
    let high = this.lineStarts.length - 1;
    while (low < high) {
      const mid = (low + high + 1) >> 1;
      if (this.lineStarts[mid] <= clamped) low = mid;
      else high = mid - 1;
    }
    // A position never sits between the \r and \n of a CRLF line break.
    const character = Math.min(clamped, this.lineEndOffset(low)) - this.lineStarts[low];
    return { line: low, character };
  }

  offsetAt(position: Position): number {
    if (position.line < 0) return 0;
    if (position.line >= this.lineStarts.length) return this.text.length;
    const start = this.lineStarts[position.line];
    return Math.min(start + Math.max(0, position.character), this.lineEndOffset(position.line));
  }

  /** Offset just past the last character of the line, excluding its line break. */
  lineEndOffset(line: number): number {
    if (line + 1 >= this.lineStarts.length) return this.text.length;
    const newline = this.lineStarts[line + 1] - 1;
    // CRLF: the line ends before its CR. A lone CR is itself the break (newline points at it).
    return newline > this.lineStarts[line] && this.text.charCodeAt(newline) === 10 && this.text.charCodeAt(newline - 1) === 13 ? newline - 1 : newline;
  }
}
