import { Button as MuiButton, Grid } from '@mui/material';
import { Link } from 'react-router-dom';
import { ListButton, Show, TopToolbar, useRecordContext, useTranslate } from 'react-admin';
import { MembersTable } from '../common/MembersTable';
import { RevealButton } from '../common/RevealButton';
import { Facts, Section } from '../common/Section';
import { StageChip } from '../common/StageChip';
import { CareFlagsSection } from './CareFlags';
import { HouseholdStory } from './HouseholdStory';
import type { Household } from './types';

const HouseholdDetail = () => {
  const record = useRecordContext<Household>();
  const translate = useTranslate();
  if (!record) return null;
  return (
    <Grid container spacing={2} sx={{ p: 2 }}>
      <Grid size={12}>
        <Section title="shequ.section.household">
          <Facts
            rows={[
              ['resources.households.fields.headName', `#${record.id} ${record.headName}`],
              ['resources.households.fields.address', record.address],
              ['resources.households.fields.communityName', `${record.communityName} · ${record.streetName}`],
              ['resources.households.fields.category', translate(`shequ.category.${record.category}`)],
              [
                'resources.households.fields.bankAccountMasked',
                <RevealButton
                  resource="households"
                  id={record.id}
                  field="bankAccount"
                  masked={record.bankAccountMasked}
                />,
              ],
              ['resources.households.fields.stage', record.stage ? <StageChip stage={record.stage} /> : '—'],
            ]}
          />
          {record.applicationId != null && (
            <MuiButton
              component={Link}
              to={`/applications/${record.applicationId}/show`}
              sx={{ mt: 1 }}
              variant="outlined"
              size="small"
            >
              {translate('shequ.application_link', { id: record.applicationId })}
            </MuiButton>
          )}
        </Section>
        <Section title="shequ.section.members">
          <MembersTable members={record.members} reveal={{ resource: 'households', id: record.id }} />
        </Section>
        <CareFlagsSection record={record} />
        <HouseholdStory story={record.story} />
      </Grid>
    </Grid>
  );
};

export const HouseholdShow = () => (
  <Show
    actions={
      <TopToolbar>
        <ListButton />
      </TopToolbar>
    }
  >
    <HouseholdDetail />
  </Show>
);
