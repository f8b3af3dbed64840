import { useState } from 'react';
import { useDataProvider, useNotify } from 'react-admin';
import type { ShequDataProvider } from '../dataProvider';

async function sha256Hex(blob: Blob): Promise<string | null> {
  // SubtleCrypto exists only in secure contexts (https, localhost); on plain http, skip the check.
  if (!globalThis.crypto?.subtle) return null;
  const digest = await crypto.subtle.digest('SHA-256', await blob.arrayBuffer());
  return Array.from(new Uint8Array(digest), (b) => b.toString(16).padStart(2, '0')).join('');
}

function save(blob: Blob, filename: string) {
  const url = URL.createObjectURL(blob);
  const a = document.createElement('a');
  a.href = url;
  a.download = filename;
  document.body.appendChild(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}

/** Fetches a bank file with the session's token, checks it against the stored checksum, saves it. */
export function useBankFileDownload(runId: number) {
  const dataProvider = useDataProvider<ShequDataProvider>();
  const notify = useNotify();
  const [busy, setBusy] = useState<number | null>(null);
  const download = async (seq: number) => {
    setBusy(seq);
    try {
      const file = await dataProvider.downloadBankFile(runId, seq);
      const actual = await sha256Hex(file.blob);
      if (actual && file.sha256 && actual !== file.sha256) {
        notify('shequ.disbursement.download.mismatch', { type: 'error' });
        return;
      }
      save(file.blob, file.filename);
      notify(actual ? 'shequ.disbursement.download.verified' : 'shequ.disbursement.download.done', {
        type: 'info',
        messageArgs: { file: file.filename, sha: (file.sha256 ?? '').slice(0, 12) },
      });
    } catch (e) {
      notify((e as Error).message || 'ra.notification.http_error', { type: 'error' });
    } finally {
      setBusy(null);
    }
  };
  return { download, busy };
}
