/** Ties the API's field issues to the inputs of a form. Pure. */
import { ApiError } from './api.ts';

/**
 * The rule that `field` broke according to `error`, or undefined. The API names fields with their location
 * (`body.email`); the forms name them plainly (`email`): both match.
 */
export function fieldError(error: unknown, field: string): string | undefined {
  if (!(error instanceof ApiError)) return undefined;
  const issue = error.issues.find((i) => i.field === field || i.field.endsWith(`.${field}`) || i.field.endsWith(`/${field}`));
  return issue?.rule;
}

/** The message to show above a form: the API's own message, or the error's text for anything else. */
export function errorMessage(error: unknown): string {
  if (error instanceof Error) return error.message;
  return String(error);
}
