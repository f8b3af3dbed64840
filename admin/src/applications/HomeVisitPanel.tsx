import { Typography } from '@mui/material';
import { useTranslate } from 'react-admin';
import { Facts, Section } from '../common/Section';
import { useFormatInstant } from '../common/time';
import type { Application } from './types';

export const HomeVisitPanel = ({ record }: { record: Application }) => {
  const translate = useTranslate();
  const format = useFormatInstant();
  const visit = record.homeVisit;
  return (
    <Section title="shequ.section.home_visit" className="shequ-home-visit">
      {visit ? (
        <Facts
          rows={[
            ['shequ.home_visit.visited_on', visit.visitedOn],
            ['shequ.home_visit.by', `${visit.byName ?? visit.by}（${format(visit.at)}）`],
            ['shequ.home_visit.notes', <span style={{ whiteSpace: 'pre-wrap' }}>{visit.notes}</span>],
          ]}
        />
      ) : (
        <Typography color="text.secondary">{translate('shequ.home_visit.none')}</Typography>
      )}
    </Section>
  );
};
