/**
 * Assertions shared by the HTTP tests: the one error body every refusal must have, and the promise that no
 * response ever carries a stack trace.
 */
import assert from 'node:assert/strict';
import type { LightMyRequestResponse } from 'fastify';

export interface ErrorBody {
  code: string;
  message: string;
  issues?: { field: string; rule: string }[];
  requestId: string;
}

/** Fails when the body looks like it carries a stack trace or a path of the server's files. */
export function assertNoStackTrace(response: LightMyRequestResponse, label = ''): void {
  const body = response.body;
  assert.ok(!/\bat .*[/\\(].*:\d+/.test(body), `${label} response carries a stack frame: ${body.slice(0, 500)}`);
  assert.ok(!/\.(?:ts|js|mjs|cjs):\d+|node_modules|"stack"\s*:/.test(body), `${label} response names server files: ${body.slice(0, 500)}`);
}

/**
 * Checks the status, the stable error code, the body shape `{ error: { code, message, requestId } }` with the
 * request id echoed in `x-request-id`, and that nothing internal leaked. Returns the error for further checks.
 */
export function expectError(response: LightMyRequestResponse, status: number, code: string, label = ''): ErrorBody {
  assert.equal(response.statusCode, status, `${label} expected ${status} ${code}, got ${response.statusCode}: ${response.body}`);
  assert.match(String(response.headers['content-type']), /^application\/json/, `${label} error is not JSON`);
  const error = (response.json() as { error: ErrorBody }).error;
  assert.equal(error.code, code, `${label} error code`);
  assert.equal(typeof error.message, 'string');
  assert.ok(error.message.length > 0, `${label} error message is empty`);
  assert.equal(typeof error.requestId, 'string');
  assert.ok(error.requestId.length > 0, `${label} requestId is empty`);
  assert.equal(response.headers['x-request-id'], error.requestId, `${label} x-request-id header differs from the body`);
  assertNoStackTrace(response, label);
  return error;
}

/** The issue naming `field`, failing when there is none. */
export function issueFor(error: ErrorBody, field: string): { field: string; rule: string } {
  const issue = error.issues?.find((i) => i.field === field);
  assert.ok(issue, `no issue names ${field}: ${JSON.stringify(error.issues)}`);
  return issue;
}
