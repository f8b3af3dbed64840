import { useDataProvider, useTranslate } from 'react-admin';
import { ReasonDialog } from '../common/ReasonDialog';
import type { ShequDataProvider } from '../dataProvider';
import { useRefetchBurst } from './RefetchBurst';
import type { Match, Referral } from './types';

/** Proposes one ranked opening to the seeker; a comment (why this one) is optional. */
export const ProposeDialog = ({ record, match, onClose }: { record: Referral; match: Match; onClose: () => void }) => {
  const translate = useTranslate();
  const dataProvider = useDataProvider<ShequDataProvider>();
  const burst = useRefetchBurst();
  return (
    <ReasonDialog
      open
      onClose={onClose}
      title={translate('shequ.propose.title', {
        name: record.seekerName,
        title: match.title,
        employer: match.employerName,
      })}
      content={translate('shequ.propose.content', { score: match.score })}
      label={translate('shequ.propose.comment')}
      field="comment"
      required={false}
      confirmLabel="shequ.propose.confirm"
      done="shequ.propose.done"
      send={async (comment) => {
        const answer = await dataProvider.proposeOpening(record.id, { openingId: match.openingId, comment });
        burst();
        return answer;
      }}
    />
  );
};
