/** The review page's requests to the background (validated there, PageToBackground in shared/messages.ts). */
import type { Person } from '../../core/week-summary.ts';
import type { GiveFirstEvent } from '../../shared/events.ts';
import type { PostView } from '../../shared/messages.ts';
import { ask } from '../components/background.ts';
import type { ReviewData } from './types.ts';

export function fetchReview(week?: string): Promise<ReviewData> {
  return ask(week ? { type: 'review', week } : { type: 'review' });
}

export function fetchPeople(week: string): Promise<{ people: Person[]; lapsed: Person[] }> {
  return ask({ type: 'reviewPeople', week });
}

export function fetchWeekEvents(week: string): Promise<GiveFirstEvent[]> {
  return ask({ type: 'reviewEvents', week });
}

/** The user's own posts of the week, for relabelling (at most 100: a week rarely holds more). */
export function fetchPosts(from: number, to: number): Promise<PostView[]> {
  return ask({ type: 'posts', from, to, limit: 100 });
}

export async function relabelPost(id: string, promotional: boolean): Promise<void> {
  await ask({ type: 'relabel', id, promotional });
}
