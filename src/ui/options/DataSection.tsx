/** Data ownership: export everything, import a backup (validated, all or nothing), delete a period of days or everything. */
import { useRef, useState } from 'preact/hooks';
import { exportFileName, MAX_IMPORT_BYTES } from '../../core/export-format.ts';
import { t } from '../../shared/i18n.ts';
import { request as ask } from '../components/background.ts';

function replyError(reply: { error: string; detail?: string }): string {
  const detail = reply.detail ?? '';
  const text = t(reply.error, [detail]);
  // Messages with a placeholder take the detail in place; others get it appended.
  return detail && !text.includes(detail) ? `${text} (${detail})` : text;
}

export function DataSection() {
  const [status, setStatus] = useState<{ text: string; error: boolean }>({ text: '', error: false });
  const dialog = useRef<HTMLDialogElement>(null);
  const periodDialog = useRef<HTMLDialogElement>(null);
  // Local days as the date inputs give them (YYYY-MM-DD), both included; '' until chosen.
  const [from, setFrom] = useState('');
  const [to, setTo] = useState('');

  const exportData = async (): Promise<void> => {
    const reply = await ask<unknown>({ type: 'export' });
    if (!reply.ok) return setStatus({ text: replyError(reply), error: true });
    const blob = new Blob([JSON.stringify(reply.value, null, 1)], { type: 'application/json' });
    const link = document.createElement('a');
    link.href = URL.createObjectURL(blob);
    link.download = exportFileName(Date.now());
    document.body.append(link);
    link.click();
    link.remove();
    setTimeout(() => URL.revokeObjectURL(link.href), 10_000);
    setStatus({ text: t('exportDone'), error: false });
  };

  const importData = async (input: HTMLInputElement): Promise<void> => {
    const file = input.files?.[0];
    input.value = '';
    if (!file) return;
    if (file.size > MAX_IMPORT_BYTES) return setStatus({ text: t('importErrorTooLarge', file.name), error: true });
    let parsed: unknown;
    try {
      parsed = JSON.parse(await file.text());
    } catch {
      return setStatus({ text: t('importErrorNotJson', file.name), error: true });
    }
    const reply = await ask<{ added: number; updated: number }>({ type: 'import', file: parsed });
    if (!reply.ok) return setStatus({ text: `${t('importRejected')} ${replyError(reply)}`, error: true });
    setStatus({ text: t('importDone', [String(reply.value.added), String(reply.value.updated)]), error: false });
  };

  const deleteAll = async (): Promise<void> => {
    dialog.current?.close();
    const reply = await ask<boolean>({ type: 'deleteAll' });
    setStatus(reply.ok ? { text: t('deleteDone'), error: false } : { text: replyError(reply), error: true });
  };

  const confirmPeriod = (): void => {
    // Same-shaped keys compare as days. The background checks again (the schema and the ledger).
    if (!from || !to || from > to) return setStatus({ text: t('deleteRangeInvalid'), error: true });
    setStatus({ text: '', error: false });
    periodDialog.current?.showModal();
  };

  const deletePeriod = async (): Promise<void> => {
    periodDialog.current?.close();
    const reply = await ask<number>({ type: 'deleteRange', from, to });
    setStatus(reply.ok ? { text: t('deleteRangeDone', [reply.value, from, to]), error: false } : { text: replyError(reply), error: true });
  };

  return (
    <section aria-labelledby="data-title">
      <h2 id="data-title">{t('dataTitle')}</h2>
      <p class="muted">{t('dataHelp')}</p>
      <div class="row">
        <button type="button" onClick={() => void exportData()}>{t('exportButton')}</button>
        <label class="button">
          {t('importButton')}
          <input
            type="file" accept="application/json,.json" class="visually-hidden" data-testid="import-input"
            onChange={(e) => void importData(e.currentTarget)}
          />
        </label>
        <button type="button" class="danger" onClick={() => dialog.current?.showModal()}>{t('deleteButton')}</button>
      </div>
      <fieldset>
        <legend>{t('deleteRangeTitle')}</legend>
        <div class="grid">
          <label>
            {t('deleteRangeFrom')}
            <input type="date" name="delete-from" required value={from} max={to || undefined} onInput={(e) => setFrom(e.currentTarget.value)} />
          </label>
          <label>
            {t('deleteRangeTo')}
            <input type="date" name="delete-to" required value={to} min={from || undefined} onInput={(e) => setTo(e.currentTarget.value)} />
          </label>
        </div>
        <p class="row">
          <button type="button" class="danger" onClick={confirmPeriod}>{t('deleteRangeButton')}</button>
        </p>
      </fieldset>
      <p role="status" aria-live="polite" class={status.error ? 'error' : ''} data-testid="data-status">{status.text}</p>
      <dialog ref={dialog} aria-labelledby="delete-title">
        <h3 id="delete-title">{t('deleteConfirmTitle')}</h3>
        <p>{t('deleteConfirmText')}</p>
        <form method="dialog" class="row">
          <button value="cancel" autofocus>{t('cancel')}</button>
          <button type="button" class="danger" onClick={() => void deleteAll()}>{t('deleteConfirmButton')}</button>
        </form>
      </dialog>
      <dialog ref={periodDialog} aria-labelledby="delete-period-title">
        <h3 id="delete-period-title">{t('deleteRangeConfirmTitle', [from, to])}</h3>
        <p>{t('deleteRangeConfirmText', [from, to])}</p>
        <form method="dialog" class="row">
          <button value="cancel" autofocus>{t('cancel')}</button>
          <button type="button" class="danger" onClick={() => void deletePeriod()}>{t('deleteRangeConfirmButton')}</button>
        </form>
      </dialog>
    </section>
  );
}
