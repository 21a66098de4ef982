/**
 * Meta's GraphQL transport, shared by the Facebook and Threads adapters (one company, one web stack:
 * platforms.md §6.B and §7.B). Requests are forms whose operation is named by `fb_api_req_friendly_name`
 * and whose arguments are the JSON `variables`; answers may start with the `for (;;);` guard against
 * JSON hijacking and may be several JSON documents, one per line; a refused operation is still HTTP 200.
 * A file beside types.ts, not a folder: every folder under src/adapters/ is one site (tests/unit/registry.test.ts).
 */
import { parseJson, pick } from '../shared/json.ts';
import { ShapeError } from './types.ts';

/** The form field naming the operation (the page tap keeps it, with `variables`, and drops the tokens). */
export const FRIENDLY_NAME_FIELD = 'fb_api_req_friendly_name';

/**
 * Every JSON document of an answer, without the `for (;;);` guard: one whole document, else one per line
 * (the main result first, then deferred parts and `{"extensions":{"is_final":true}}`). Empty for null or
 * for text that holds no JSON.
 */
export function parseMetaResponse(text: string | null): unknown[] {
  if (!text) return [];
  const body = text.replace(/^\s*for\s*\(;;\);/, '');
  const whole = parseJson(body);
  if (whole !== undefined) return [whole];
  return body.split('\n').map((line) => parseJson(line.trim())).filter((doc) => doc !== undefined);
}

/** Whether a JSON value holds any actual value (a string, number or boolean) at any depth. */
function hasValue(value: unknown): boolean {
  if (value === null || value === undefined) return false;
  if (typeof value !== 'object') return true;
  return Object.values(value).some(hasValue);
}

/**
 * A refusal sent with HTTP 200, read from the main (first) document: the legacy `{"error":1357001,…}`
 * (signed out, checkpoint), or GraphQL `errors` with no data (`{"errors":[…],"data":{"comment_create":null}}`).
 * `errors` beside data is a partial failure of a field the client asked for, not of the operation, which
 * happened: counting nothing then would miss a real action. An answer that was not read (null) cannot be
 * judged and is trusted (the request itself succeeded).
 */
export function isMetaRefusal(responseBody: string | null): boolean {
  const first = parseMetaResponse(responseBody)[0];
  if (!first) return false;
  const error = pick(first, 'error');
  if (typeof error === 'number' && error !== 0) return true;
  const errors = pick(first, 'errors');
  return Array.isArray(errors) && errors.length > 0 && !hasValue(pick(first, 'data'));
}

export interface MetaForm {
  /** The operation's friendly name. */
  name: string;
  variables: Record<string, unknown>;
}

/**
 * The operation a request body names, if `wanted` says the adapter reads it (null otherwise, and for a
 * body without a friendly name: some other request). The variables of a wanted operation must be a JSON
 * object: anything else means the operation changed shape, a ShapeError naming it.
 */
export function readMetaForm(body: string | null, wanted: (name: string) => boolean): MetaForm | null {
  const form = new URLSearchParams(body ?? '');
  const name = form.get(FRIENDLY_NAME_FIELD);
  if (!name || !wanted(name)) return null;
  const variables = parseJson(form.get('variables'));
  if (!variables || typeof variables !== 'object' || Array.isArray(variables)) throw new ShapeError(name, 'variables is not a JSON object');
  return { name, variables: variables as Record<string, unknown> };
}
