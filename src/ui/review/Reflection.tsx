/** The reflection loop at the top of the review: happy?, an intention in the user's words, next week's target. */
import { useState } from 'preact/hooks';
import { request } from '../components/background.ts';
import { HAPPY_ANSWERS, type HappyAnswer, type Reflection } from '../../core/week-summary.ts';
import { formatNumber, t } from '../../shared/i18n.ts';

export function ReflectionForm({ week, saved, suggested, onSaved }: {
  week: string; saved?: Reflection; suggested: number; onSaved(reflection: Reflection): void;
}) {
  const [happy, setHappy] = useState<HappyAnswer | undefined>(saved?.happy);
  const [intention, setIntention] = useState(saved?.intention ?? '');
  const [target, setTarget] = useState(saved?.target ?? suggested);
  const [status, setStatus] = useState('');

  const submit = async (event: Event): Promise<void> => {
    event.preventDefault();
    if (!happy) {
      setStatus(t('reviewPickAnswer'));
      return;
    }
    const reply = await request<Reflection>({ type: 'reflect', week, happy, intention, target });
    if (reply.ok) {
      setStatus(t('reviewSaved', formatNumber(target)));
      onSaved(reply.value);
    } else setStatus(t('failed'));
  };

  return (
    <form class="reflection card" onSubmit={(e) => void submit(e)} aria-labelledby="reflect-title" data-testid="reflection">
      <h2 id="reflect-title">{t('reviewHappyQuestion')}</h2>
      <div class="choices" role="radiogroup" aria-labelledby="reflect-title">
        {HAPPY_ANSWERS.map((answer) => (
          <label key={answer} class="choice">
            <input type="radio" name="happy" value={answer} checked={happy === answer} onChange={() => { setHappy(answer); setStatus(''); }} />{' '}
            {t(`reviewHappy_${answer}`)}
          </label>
        ))}
      </div>
      <label class="block">
        {t('reviewIntentionLabel')}
        <textarea
          name="intention" rows={2} maxLength={500} value={intention} placeholder={t('reviewIntentionPlaceholder')}
          onInput={(e) => { setIntention(e.currentTarget.value); setStatus(''); }}
        />
      </label>
      <label class="block target-field">
        {t('reviewNextTarget')}
        <span>
          <input
            name="target" type="number" min="0.1" max="100" step="any" required value={target}
            onInput={(e) => { setTarget(Number(e.currentTarget.value)); setStatus(''); }}
          />{' : 1'}
        </span>
        <span class="muted">{t('reviewSuggested', formatNumber(suggested))}</span>
      </label>
      <p>
        <button type="submit" class="primary">{t('reviewSave')}</button>{' '}
        <span role="status" data-testid="reflection-status">{status}</span>
      </p>
    </form>
  );
}
