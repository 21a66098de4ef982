/**
 * Keeps only `fields` of an application/x-www-form-urlencoded body (TapSpec.formFields): the page tap
 * relays Meta's GraphQL forms without the session tokens sent beside the operation. Null stays null;
 * without a field list the body is returned as is.
 */
export function keepFormFields(body: string | null, fields: readonly string[] | undefined): string | null {
  if (body === null || !fields) return body;
  const from = new URLSearchParams(body);
  const kept = new URLSearchParams();
  for (const field of fields) for (const value of from.getAll(field)) kept.append(field, value);
  return kept.toString();
}
