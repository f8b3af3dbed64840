import CheckIcon from '@mui/icons-material/CheckCircleOutline';
import CloseIcon from '@mui/icons-material/HighlightOff';
import DownloadIcon from '@mui/icons-material/Download';
import DoneAllIcon from '@mui/icons-material/DoneAll';
import FactCheckIcon from '@mui/icons-material/FactCheck';
import { useState } from 'react';
import { Button, ListButton, TopToolbar, useDataProvider, useRecordContext, useTranslate } from 'react-admin';
import { ConfirmActionButton } from '../common/ConfirmActionButton';
import { formatFen } from '../common/money';
import { ReasonDialog } from '../common/ReasonDialog';
import type { ShequDataProvider } from '../dataProvider';
import { useBankFileDownload } from './useBankFileDownload';
import { useFailedLines } from './useRunLines';
import type { RunDetail } from './types';

const a = (key: string) => `shequ.disbursement.${key}`;

/** Exactly the buttons the API lists in `allowedActions` for this user in this phase. */
export const RunActions = () => {
  const record = useRecordContext<RunDetail>();
  const translate = useTranslate();
  const dataProvider = useDataProvider<ShequDataProvider>();
  const [open, setOpen] = useState<'reject' | 'recheck' | null>(null);
  const allowed = record?.allowedActions ?? [];
  const { download, busy } = useBankFileDownload(record?.id ?? 0);
  const failed = useFailedLines(record, allowed.includes('close'));
  if (!record) return <TopToolbar />;
  const period = record.period;
  return (
    <TopToolbar className="shequ-run-actions">
      {allowed.includes('approve') && (
        <ConfirmActionButton
          label={a('action.approve')}
          icon={<CheckIcon />}
          action="approve"
          variant="contained"
          title={translate(a('approve.title'), { period })}
          content={translate(a('approve.content'), { lines: record.lines, amount: formatFen(record.totalFen) })}
          done={a('approve.done')}
          send={() => dataProvider.runAction(record.id, 'approve')}
        />
      )}
      {allowed.includes('reject') && (
        <Button label={a('action.reject')} color="error" onClick={() => setOpen('reject')} data-action="reject">
          <CloseIcon />
        </Button>
      )}
      {allowed.includes('close') && (
        <ConfirmActionButton
          label={a('action.close')}
          icon={<DoneAllIcon />}
          color="warning"
          action="close"
          title={translate(a('close.title'), { period })}
          content={translate(a('close.content'), { count: failed.total ?? record.linesFailed })}
          done={a('close.done')}
          send={() => dataProvider.runAction(record.id, 'close')}
        />
      )}
      {allowed.includes('recheck') && (
        <Button label={a('action.recheck')} color="warning" onClick={() => setOpen('recheck')} data-action="recheck">
          <FactCheckIcon />
        </Button>
      )}
      {allowed.includes('download') && (record.bankFiles?.length ?? 0) > 0 && (
        <Button
          label={a('action.download')}
          onClick={() => download(1)}
          disabled={busy !== null}
          data-action="download"
        >
          <DownloadIcon />
        </Button>
      )}
      <ListButton />
      {open === 'reject' && (
        <ReasonDialog
          open
          onClose={() => setOpen(null)}
          title={translate(a('reject.title'), { period })}
          content={translate(a('reject.content'))}
          label={translate(a('reject.reason'))}
          field="reason"
          required
          confirmLabel={a('action.reject')}
          confirmColor="error"
          confirmation={{
            title: translate(a('reject.confirm_title')),
            content: translate(a('reject.confirm_content'), { period }),
          }}
          done={a('reject.done')}
          send={(reason) => dataProvider.runAction(record.id, 'reject', reason)}
        />
      )}
      {open === 'recheck' && (
        <ReasonDialog
          open
          onClose={() => setOpen(null)}
          title={translate(a('recheck.title'), { period })}
          content={translate(a('recheck.content'), { count: record.checkReport?.differences.length ?? 0 })}
          label={translate(a('recheck.reason'))}
          field="reason"
          required
          confirmLabel={a('action.recheck')}
          confirmColor="warning"
          done={a('recheck.done')}
          send={(reason) => dataProvider.runAction(record.id, 'recheck', reason)}
        />
      )}
    </TopToolbar>
  );
};
