/** The weekly review page: asks the background for the selected week (`?week=YYYY-MM-DD`, default the one that just ended). */
import { render } from 'preact';
import { t } from '../../shared/i18n.ts';
import { ReviewPage } from './ReviewPage.tsx';
import { fetchReview } from './api.ts';
import './review.css';

document.documentElement.lang = t('@@ui_locale').replace('_', '-');
document.title = t('reviewTitle');

const root = document.getElementById('app');
if (root) {
  const requested = new URLSearchParams(location.search).get('week') ?? undefined;
  void fetchReview(requested).then(
    (data) => {
      render(<ReviewPage initial={data} load={fetchReview} />, root);
      // Marks the first render with data, for the benchmark (npm run bench) and tests.
      performance.mark('give-first-review-rendered');
    },
    (error: unknown) => render(<main><p class="notice error" role="alert">{t('reviewLoadFailed', String(error))}</p></main>, root),
  );
}
