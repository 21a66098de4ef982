/**
 * The recorded request/response pairs adapter tests replay: one JSON file per call in the adapter's
 * own `fixtures/` folder, each naming its `_source`. The request is what the site's client sends (a
 * JSON body, a form-encoded string or form fields, per site), the response what it got back.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';

export interface CallFixture<Request = unknown, Response = unknown> {
  _source?: string;
  _date?: string;
  method: string;
  url: string;
  status: number;
  request: Request;
  response: Response;
}

/** A reader of the call fixtures in `dir`, by name without `.json`. */
export function callFixtures<Request = unknown, Response = unknown>(dir: string): (name: string) => CallFixture<Request, Response> {
  return (name) => JSON.parse(readFileSync(join(dir, `${name}.json`), 'utf8')) as CallFixture<Request, Response>;
}
