/** The review as the background sends it (background/review.ts, ReviewReply), as seen by the page. */
import type { Review } from '../../core/week-summary.ts';

export interface ReviewData extends Review {
  weekStart: number;
  hideNumbers: boolean;
  thisWeek: string;
}
