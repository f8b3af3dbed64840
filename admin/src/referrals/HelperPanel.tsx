import { Typography } from '@mui/material';
import { useTranslate } from 'react-admin';
import { Facts, Section } from '../common/Section';
import type { Referral } from './types';

/** 一助一: the named helper from the seeker's community. */
export const HelperPanel = ({ record }: { record: Referral }) => {
  const translate = useTranslate();
  return (
    <Section title="shequ.section.helper" className="shequ-helper">
      {record.helper ? (
        <Facts
          rows={[
            ['shequ.helper.name', record.helper.name],
            ['shequ.helper.phone', record.helper.phone || '—'],
          ]}
        />
      ) : (
        <Typography color="text.secondary">{translate('shequ.helper.none')}</Typography>
      )}
    </Section>
  );
};
