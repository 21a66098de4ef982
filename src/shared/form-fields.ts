/**
 * Reductions of application/x-www-form-urlencoded bodies for the page tap (TapSpec.formFields,
 * TapSpec.formJsonFields): Meta's GraphQL forms and Instagram-style `signed_body` forms are relayed without
 * the session tokens sent beside the operation, and with only the parts of their JSON fields the parsers read.
 */
import { keepJsonText } from './json-fields.ts';

/**
 * Keeps only `fields` of an application/x-www-form-urlencoded body (TapSpec.formFields). Null stays null;
 * without a field list the body is returned as is.
 */
export function keepFormFields(body: string | null, fields: readonly string[] | undefined): string | null {
  if (body === null || !fields) return body;
  const from = new URLSearchParams(body);
  const kept = new URLSearchParams();
  for (const field of fields) for (const value of from.getAll(field)) kept.append(field, value);
  return kept.toString();
}

/**
 * Instagram's private API signs its forms as `signed_body=<signature>.<json>`; the web client's signature
 * is the placeholder `SIGNATURE` (platforms.md §6.B). Group 1: the JSON.
 */
const SIGNED_JSON_RE = /^[\w-]*\.([[{][\s\S]*)$/;
/** Written in front of a reduced signed JSON: any real signature would no longer match it anyway. */
const SIGNATURE_PLACEHOLDER = 'SIGNATURE.';

function keepJsonValue(value: string, paths: readonly string[]): string | null {
  const signed = SIGNED_JSON_RE.exec(value);
  if (signed?.[1] !== undefined) {
    const kept = keepJsonText(signed[1], paths);
    return kept === null ? null : SIGNATURE_PLACEHOLDER + kept;
  }
  return keepJsonText(value, paths);
}

/**
 * For each form field named in `fields` whose value is JSON, or signed JSON (`SIGNATURE.{json}`), keeps
 * only the listed JSON paths (src/shared/json-fields.ts); a value that cannot be read that way is dropped
 * with its field, so the parser reports a changed shape instead of receiving what it would not read.
 * Other fields are left as they are. Null stays null.
 */
export function keepFormJson(body: string | null, fields: Readonly<Record<string, readonly string[]>> | undefined): string | null {
  if (body === null || !fields) return body;
  const kept = new URLSearchParams();
  for (const [field, value] of new URLSearchParams(body)) {
    const paths = Object.hasOwn(fields, field) ? fields[field] : undefined;
    if (!paths) {
      kept.append(field, value);
      continue;
    }
    const reduced = keepJsonValue(value, paths);
    if (reduced !== null) kept.append(field, reduced);
  }
  return kept.toString();
}
