/**
 * Turns anything thrown in a request into the one error body clients see:
 * `{ error: { code, message, issues?, requestId } }`. Known failures keep their status and code; anything
 * unknown is logged with its stack and answered as a plain 500. No stack trace ever leaves the server.
 */
import type { FastifyError, FastifyReply, FastifyRequest, FastifySchemaValidationError } from 'fastify';
import { AppError, type FieldIssue } from '../errors.ts';
import { NOT_BLANK } from './schemas.ts';

function fieldOf(context: string, issue: FastifySchemaValidationError): string {
  const params = issue.params as Record<string, unknown>;
  const base = [context === 'querystring' ? 'query' : context, ...issue.instancePath.split('/').filter(Boolean)];
  if (issue.keyword === 'required' && typeof params.missingProperty === 'string') base.push(params.missingProperty);
  if (issue.keyword === 'additionalProperties' && typeof params.additionalProperty === 'string') {
    base.push(params.additionalProperty);
  }
  // Array positions read as in JavaScript: body.emails[0].email.
  return base.join('.').replace(/\.(\d+)(?=\.|$)/g, '[$1]');
}

function ruleOf(issue: FastifySchemaValidationError): string {
  if (issue.keyword === 'additionalProperties') return 'is not an allowed field';
  if (issue.keyword === 'required') return 'is required';
  const params = issue.params as Record<string, unknown>;
  if (issue.keyword === 'enum' && Array.isArray(params.allowedValues)) return `must be one of ${params.allowedValues.join(', ')}`;
  if (issue.keyword === 'pattern' && params.pattern === NOT_BLANK) return 'must not be blank';
  return issue.message ?? issue.keyword;
}

/** Converts Fastify/ajv validation output into field issues. */
export function validationIssues(error: FastifyError): FieldIssue[] {
  const context = error.validationContext ?? 'request';
  const all = (error.validation ?? []).map((issue) => ({
    field: fieldOf(context, issue),
    rule: ruleOf(issue),
    // A nullable field that fails reports its real rule, then "must be null" and "must match a schema in anyOf":
    // the last two only repeat that it failed.
    noise: issue.keyword === 'anyOf' || (issue.keyword === 'type' && (issue.params as { type?: unknown }).type === 'null'),
  }));
  const seen = new Set<string>();
  return all
    .filter((issue) => !issue.noise || !all.some((other) => other.field === issue.field && !other.noise))
    .filter((issue) => !seen.has(`${issue.field} ${issue.rule}`) && seen.add(`${issue.field} ${issue.rule}`))
    .map(({ field, rule }) => ({ field, rule }));
}

const FRAMEWORK_CODES: Record<string, () => AppError> = {
  FST_ERR_CTP_INVALID_JSON_BODY: () => new AppError('bad_request', 'The request body is not valid JSON'),
  FST_ERR_CTP_EMPTY_JSON_BODY: () =>
    new AppError('bad_request', 'The request body is empty but Content-Type says JSON'),
  FST_ERR_CTP_BODY_TOO_LARGE: () => new AppError('payload_too_large', 'The request body is too large'),
  FST_ERR_CTP_INVALID_MEDIA_TYPE: () => new AppError('unsupported_media_type', 'Send the body as application/json'),
  FST_ERR_CTP_INVALID_CONTENT_LENGTH: () => new AppError('bad_request', 'Content-Length does not match the body'),
};

function toAppError(error: FastifyError | Error): AppError | null {
  if (error instanceof AppError) return error;
  const fastifyError = error as FastifyError;
  if (fastifyError.validation) {
    const issues = validationIssues(fastifyError);
    const message = issues.map((i) => `${i.field} ${i.rule}`).join('; ');
    return new AppError('validation_failed', message || 'The request is invalid', issues);
  }
  const known = fastifyError.code ? FRAMEWORK_CODES[fastifyError.code] : undefined;
  if (known) return known();
  if (fastifyError.statusCode === 429) return new AppError('rate_limited', 'Too many attempts; try again in a minute');
  if (fastifyError.statusCode && fastifyError.statusCode >= 400 && fastifyError.statusCode < 500) {
    return new AppError('bad_request', fastifyError.message);
  }
  return null;
}

export function handleError(error: FastifyError | Error, request: FastifyRequest, reply: FastifyReply) {
  const known = toAppError(error);
  if (known) {
    if (known.status >= 500) request.log.error({ err: error }, known.message);
    return reply.status(known.status).send({
      error: {
        code: known.code,
        message: known.message,
        ...(known.issues.length > 0 ? { issues: known.issues } : {}),
        ...(known.current !== undefined ? { current: known.current } : {}),
        requestId: request.id,
      },
    });
  }
  request.log.error({ err: error }, 'unhandled error');
  return reply.status(500).send({
    error: { code: 'internal', message: 'An unexpected error occurred', requestId: request.id },
  });
}
