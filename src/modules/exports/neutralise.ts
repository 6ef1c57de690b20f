/**
 * Formula injection: a spreadsheet treats a cell starting with `=`, `+`, `-` or `@` (and, in some, a tab or a
 * carriage return before one) as a formula, so a customer named `=HYPERLINK(...)` could run something on the
 * machine of whoever opens the export. Text cells that start so get a leading apostrophe, which spreadsheets
 * read as "this is text".
 */
const FORMULA_TRIGGERS = new Set(['=', '+', '-', '@', '\t', '\r']);

/** Whether a spreadsheet could read `text` as a formula. */
export function startsLikeFormula(text: string): boolean {
  return text.length > 0 && FORMULA_TRIGGERS.has(text[0]!);
}

/** `text` made safe to put in a spreadsheet cell: unchanged, or prefixed with `'` when it starts like a formula. */
export function neutralise(text: string): string {
  return startsLikeFormula(text) ? `'${text}` : text;
}
