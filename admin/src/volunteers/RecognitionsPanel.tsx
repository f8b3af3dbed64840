import { List, ListItem, ListItemText, Typography } from '@mui/material';
import { useTranslate } from 'react-admin';
import { Section } from '../common/Section';
import { useFormatInstant } from '../common/time';
import { hoursText } from './hours';
import { Stars } from './Stars';
import type { Volunteer } from './types';

/** The star levels she reached, when, and at how many confirmed hours. */
export const RecognitionsPanel = ({ record }: { record: Volunteer }) => {
  const translate = useTranslate();
  const format = useFormatInstant();
  const recognitions = [...(record.recognitions ?? [])].sort((a, b) => b.level - a.level);
  return (
    <Section title="shequ.section.recognitions" className="shequ-recognitions">
      {recognitions.length === 0 ? (
        <Typography color="text.secondary">{translate('shequ.recognition.none')}</Typography>
      ) : (
        <List dense disablePadding>
          {recognitions.map((r) => (
            <ListItem key={r.level} disableGutters data-level={r.level}>
              <ListItemText
                primary={<Stars level={r.level} />}
                secondary={translate('shequ.recognition.reached', {
                  at: format(r.reachedAt),
                  hours: hoursText(r.confirmedHours),
                })}
              />
            </ListItem>
          ))}
        </List>
      )}
    </Section>
  );
};
