import type { ReactNode } from 'react';
import { useTranslate } from 'react-admin';
import { SkillChips } from '../common/SkillChips';
import { formatFen } from '../common/money';
import { Facts } from '../common/Section';
import type { SeekerProfile } from './types';

const a = (field: string) => `shequ.assessment.${field}`;

/** Education, skills and the limits the ranking respects (hours, physical work, wage). */
export const ProfileFacts = ({ profile, extra = [] }: { profile: SeekerProfile; extra?: [string, ReactNode][] }) => {
  const translate = useTranslate();
  return (
    <Facts
      rows={[
        [a('education'), translate(`shequ.education.${profile.education}`, { _: profile.education })],
        [a('skills'), <SkillChips skills={profile.skills} />],
        [a('experience'), <span style={{ whiteSpace: 'pre-wrap' }}>{profile.experience || '—'}</span>],
        [
          a('maxHoursPerWeek'),
          profile.maxHoursPerWeek === null
            ? translate('shequ.assessment.no_limit')
            : translate('shequ.assessment.hours', { hours: profile.maxHoursPerWeek }),
        ],
        [
          a('noPhysicalWork'),
          translate(profile.noPhysicalWork ? 'shequ.assessment.physical_no' : 'shequ.assessment.physical_ok'),
        ],
        [a('expectedWageFen'), profile.expectedWageFen === null ? '—' : formatFen(profile.expectedWageFen)],
        [a('constraintsNote'), <span style={{ whiteSpace: 'pre-wrap' }}>{profile.constraintsNote || '—'}</span>],
        ...extra,
      ]}
    />
  );
};
