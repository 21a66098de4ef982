/**
 * How the extension pages (popup, options, review) ask the background; it validates every message.
 * Without webextension-polyfill, which the popup does not load (issue #2).
 */
import { ext } from '../../shared/extension-api.ts';
import type { PageToBackground, Reply } from '../../shared/messages.ts';

/** The background's reply as it is, success or a refusal with its reason. */
export function request<T>(message: PageToBackground): Promise<Reply<T>> {
  return ext().runtime.sendMessage(message) as Promise<Reply<T>>;
}

/** The value of a successful reply; a refusal becomes an error carrying its reason. */
export async function ask<T>(message: PageToBackground): Promise<T> {
  const reply = await request<T>(message);
  if (!reply.ok) throw new Error(reply.error);
  return reply.value;
}
