/**
 * Requests read by the API contract (src/web/api-contract.ts): query parameters and bodies are
 * parsed with its schemas here, before any use case runs.
 */
import type { Request } from 'express';
import type * as z from 'zod/mini';
import { asObject, ValidationError } from '../domain';
import { QUERY, shapeIssues, type QueryName } from '../web/api-contract';
import { HttpProblem } from './error-response';

type QueryValue<N extends QueryName> = (typeof QUERY)[N]['schema'] extends z.ZodMiniType<infer T> ? T : never;

/** A query parameter by its contract; a 400 with the parameter's stable code when it does not fit. */
export function queryOf<N extends QueryName>(req: Request, name: N): QueryValue<N> {
  const param = QUERY[name];
  const parsed = (param.schema as z.ZodMiniType).safeParse(req.query[name]);
  if (!parsed.success) throw new HttpProblem(400, param.code, param.message, param.messageEn);
  return parsed.data as QueryValue<N>;
}

/**
 * A JSON body by its contract's shape. Not an object: the domain's `not_an_object`. A field of
 * the wrong JSON type: `validation_failed` naming the field. The domain's rules (required fields,
 * lengths, vocabulary, unknown fields) are checked by the use case, with the domain's messages.
 */
export function bodyOf<S extends z.ZodMiniType>(schema: S, raw: unknown): z.infer<S> {
  const parsed = schema.safeParse(asObject(raw));
  if (!parsed.success) throw new ValidationError(shapeIssues(parsed.error));
  return parsed.data;
}
