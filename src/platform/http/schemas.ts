/**
 * Schemas shared by many routes: the error body, ids, and the list conventions (cursor pagination, sorting).
 */
import { Type, type TSchema } from 'typebox';

export const ErrorBody = Type.Object(
  {
    error: Type.Object({
      code: Type.String(),
      message: Type.String(),
      issues: Type.Optional(Type.Array(Type.Object({ field: Type.String(), rule: Type.String() }))),
      current: Type.Optional(Type.Unknown({ description: 'With a version conflict: the record as it is now' })),
      requestId: Type.String(),
    }),
  },
  { $id: 'ErrorBody' },
);

/** The pattern of a text that holds more than spaces. */
export const NOT_BLANK = '\\S';

/** A name-like text: trimmed by the services, so it must hold at least one visible character. */
export function NonBlankString(maxLength: number) {
  return Type.String({ minLength: 1, maxLength, pattern: NOT_BLANK });
}

/** One of a fixed list of strings, validated as a JSON-schema enum (one clear error naming the allowed values). */
export function StringEnum<const T extends readonly string[]>(values: T, options: { description?: string; default?: T[number] } = {}) {
  return Type.Unsafe<T[number]>({ type: 'string', enum: [...values], ...options });
}

export const IdParams = Type.Object({ id: Type.String({ format: 'uuid' }) }, { additionalProperties: false });

/** Standard error responses declared on every route, so the OpenAPI document lists them. */
export const ERROR_RESPONSES = {
  400: Type.Ref('ErrorBody'),
  401: Type.Ref('ErrorBody'),
  403: Type.Ref('ErrorBody'),
  404: Type.Ref('ErrorBody'),
} as const;

export const Timestamp = Type.String({ format: 'date-time' });
export const NullableTimestamp = Type.Union([Type.String({ format: 'date-time' }), Type.Null()]);

/** `{ data: [...], nextCursor }`, the body of every list endpoint. */
export function Page<T extends TSchema>(item: T) {
  return Type.Object({ data: Type.Array(item), nextCursor: Type.Union([Type.String(), Type.Null()]) });
}
