import { Alert, AlertTitle, List, ListItem, ListItemText, Link as MuiLink } from '@mui/material';
import { Link } from 'react-router-dom';
import { useTranslate } from 'react-admin';
import { StageChip } from '../common/StageChip';
import { useFormatInstant } from '../common/time';
import type { Application } from './types';

/** Verification found an ID number of this household in another open case: which one, and any override. */
export const DuplicatesPanel = ({ record }: { record: Application }) => {
  const translate = useTranslate();
  const format = useFormatInstant();
  const duplicates = record.duplicates ?? [];
  if (!record.blocked && duplicates.length === 0 && !record.duplicateOverride) return null;
  return (
    <>
      {(record.blocked || duplicates.length > 0) && (
        <Alert severity={record.blocked ? 'error' : 'warning'} sx={{ mb: 2 }} className="shequ-duplicates">
          <AlertTitle>
            {translate(record.blocked ? 'shequ.duplicates.blocked_title' : 'shequ.duplicates.title')}
          </AlertTitle>
          {translate(record.blocked ? 'shequ.duplicates.blocked_help' : 'shequ.duplicates.help')}
          <List dense disablePadding>
            {duplicates.map((d) => (
              <ListItem key={`${d.applicationId}-${d.idNumberMasked}`} disableGutters>
                <ListItemText
                  primary={
                    <>
                      {d.memberName} <code>{d.idNumberMasked}</code> → {translate('shequ.duplicates.other_case')}{' '}
                      <MuiLink component={Link} to={`/applications/${d.applicationId}/show`}>
                        #{d.applicationId}
                      </MuiLink>{' '}
                      <StageChip stage={d.stage} />
                    </>
                  }
                />
              </ListItem>
            ))}
          </List>
        </Alert>
      )}
      {record.duplicateOverride && (
        <Alert severity="info" sx={{ mb: 2 }}>
          {translate('shequ.duplicates.overridden', {
            by: record.duplicateOverride.by,
            at: format(record.duplicateOverride.at),
            reason: record.duplicateOverride.reason,
          })}
        </Alert>
      )}
    </>
  );
};
