/**
 * Fills a label's placeholders ({0}, {1} …) with `args`, in one pass: text from the file that
 * looks like a placeholder stays as it is.
 */
export function format(template: string, ...args: (string | number)[]): string {
  return template.replace(/\{(\d+)\}/g, (match, index: string) => {
    const arg = args[Number(index)];
    return arg === undefined ? match : String(arg);
  });
}
