/**
 * One error type for everything the API refuses on purpose. The code is a stable string that clients may rely
 * on; the table below is the only place that decides which HTTP status each code gets.
 */
export const ERROR_STATUS = {
  validation_failed: 400,
  bad_request: 400,
  invalid_cursor: 400,
  unauthenticated: 401,
  invalid_credentials: 401,
  csrf_failed: 403,
  forbidden: 403,
  not_found: 404,
  conflict: 409,
  version_conflict: 409,
  /** Well-formed input that a business rule refuses (an order of another customer, a resolution left out). */
  unprocessable: 422,
  payload_too_large: 413,
  unsupported_media_type: 415,
  rate_limited: 429,
  internal: 500,
  unavailable: 503,
} as const;

export type ErrorCode = keyof typeof ERROR_STATUS;

export interface FieldIssue {
  /** JSON pointer-ish path of the offending field, such as `body.email` or `query.limit`. */
  field: string;
  /** The rule that failed, in words (`must be a valid email`). */
  rule: string;
}

export class AppError extends Error {
  readonly code: ErrorCode;
  readonly issues: FieldIssue[];
  /** The record as it is now, sent with a version conflict so the client can reload or merge. */
  readonly current: unknown;

  constructor(code: ErrorCode, message: string, issues: FieldIssue[] = [], current?: unknown) {
    super(message);
    this.name = 'AppError';
    this.code = code;
    this.issues = issues;
    this.current = current;
  }

  get status(): number {
    return ERROR_STATUS[this.code];
  }
}

/** The 404 for a record that does not exist or lives in another workspace: both look exactly the same. */
export function notFound(entity: string): AppError {
  return new AppError('not_found', `${entity} not found`);
}

export function validationError(field: string, rule: string): AppError {
  return new AppError('validation_failed', `${field} ${rule}`, [{ field, rule }]);
}

/** One 400 naming every offending field; throws nothing when the list is empty. */
export function throwIfIssues(issues: FieldIssue[]): void {
  if (issues.length === 0) return;
  throw new AppError('validation_failed', issues.map((i) => `${i.field} ${i.rule}`).join('; '), issues);
}

/** One 422 naming every field whose well-formed value a business rule refuses; throws nothing when the list is empty. */
export function throwIfUnprocessable(issues: FieldIssue[]): void {
  if (issues.length === 0) return;
  throw new AppError('unprocessable', issues.map((i) => `${i.field} ${i.rule}`).join('; '), issues);
}

/**
 * The optimistic lock of every editable record: when the client read `version` but the row is now at `current`,
 * a 409 `version_conflict` naming both and carrying the record as it is now, loaded by `reload` only then, so the
 * client can reload or merge; a missing `version` is stale too. `noun` names the record in the message ("order",
 * "task", "record").
 */
export async function assertCurrentVersion(noun: string, version: number | undefined, current: number, reload: () => Promise<unknown>): Promise<void> {
  if (version === current) return;
  throw new AppError(
    'version_conflict',
    `This ${noun} was changed by someone else since you opened it (you had version ${version}, it is now ${current})`,
    [{ field: 'body.version', rule: `must be the current version, ${current}` }],
    await reload(),
  );
}
