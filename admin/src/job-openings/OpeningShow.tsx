import { Grid, Stack, Typography } from '@mui/material';
import {
  EditButton,
  ListButton,
  ReferenceField,
  Show,
  TextField,
  TopToolbar,
  useRecordContext,
  useTranslate,
} from 'react-admin';
import { PlacesLeft } from '../common/PlacesLeft';
import { Facts, Section } from '../common/Section';
import { SkillChips } from '../common/SkillChips';
import { formatFenRange } from '../common/money';
import { useFormatInstant } from '../common/time';
import { OpeningStatusChip } from './fields';
import type { JobOpening } from './types';

const f = (field: string) => `resources.job-openings.fields.${field}`;

const Actions = () => (
  <TopToolbar>
    <EditButton />
    <ListButton />
  </TopToolbar>
);

const OpeningDetail = () => {
  const record = useRecordContext<JobOpening>();
  const translate = useTranslate();
  const format = useFormatInstant();
  if (!record) return null;
  return (
    <Grid container spacing={2} sx={{ p: 2 }}>
      <Grid size={12}>
        <Section title="shequ.section.opening" className="shequ-opening">
          <Stack direction="row" spacing={1} alignItems="center" useFlexGap flexWrap="wrap" sx={{ mb: 1 }}>
            <Typography variant="h5" component="span">
              {record.title}
            </Typography>
            <OpeningStatusChip status={record.status} />
          </Stack>
          <Facts
            rows={[
              [
                f('employerName'),
                <ReferenceField source="employerId" reference="employers" link="show">
                  <TextField source="name" />
                </ReferenceField>,
              ],
              [f('placesLeft'), <PlacesLeft left={record.placesLeft} total={record.placesTotal} />],
              [f('placed'), record.placed],
              [f('wage'), formatFenRange(record.wageMinFen, record.wageMaxFen)],
              [f('hoursPerWeek'), record.hoursPerWeek],
              [f('physical'), translate(record.physical ? 'ra.boolean.true' : 'ra.boolean.false')],
              [f('streetName'), record.streetName],
              [f('requiredSkills'), <SkillChips skills={record.requiredSkills} />],
              [f('preferredSkills'), <SkillChips skills={record.preferredSkills} />],
              [f('createdAt'), format(record.createdAt)],
            ]}
          />
        </Section>
      </Grid>
    </Grid>
  );
};

export const OpeningShow = () => (
  <Show actions={<Actions />}>
    <OpeningDetail />
  </Show>
);
