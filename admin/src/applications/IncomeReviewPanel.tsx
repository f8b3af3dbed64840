import {
  Alert,
  Button as MuiButton,
  FormControlLabel,
  Radio,
  RadioGroup,
  Stack,
  Table,
  TableBody,
  TableCell,
  TableHead,
  TableRow,
  TextField,
  Typography,
} from '@mui/material';
import { useState } from 'react';
import { useDataProvider, useTranslate } from 'react-admin';
import { ActionErrorAlert } from '../common/ActionErrorAlert';
import { formatFen, yuanToFen } from '../common/money';
import { Facts, Section } from '../common/Section';
import { TextAreaField } from '../common/TextAreaField';
import { useActionMutation } from '../common/useActionMutation';
import type { IncomeDecisionBody, ShequDataProvider } from '../dataProvider';
import type { Application } from './types';

type Outcome = IncomeDecisionBody['outcome'];
const outcomes: Outcome[] = ['adjust', 'gradual_exit', 'terminate'];

const Schedule = ({ months }: { months: { period: string; amountFen: number }[] }) => {
  const translate = useTranslate();
  return (
    <Table size="small" className="shequ-gradual-schedule" sx={{ maxWidth: 360 }}>
      <TableHead>
        <TableRow>
          <TableCell>{translate('shequ.income.period')}</TableCell>
          <TableCell align="right">{translate('shequ.income.amount')}</TableCell>
        </TableRow>
      </TableHead>
      <TableBody>
        {months.map((m) => (
          <TableRow key={m.period}>
            <TableCell>{m.period}</TableCell>
            <TableCell align="right">{formatFen(m.amountFen)}</TableCell>
          </TableRow>
        ))}
      </TableBody>
    </Table>
  );
};

/**
 * A wage reported by a placement: the proposal the rules give (counted income, the band, the
 * 渐退 months) and the decision — confirm it, or choose another outcome or correct the wage with a
 * reason. In 渐退期 the months still paid.
 */
export const IncomeReviewPanel = ({ record }: { record: Application }) => {
  const translate = useTranslate();
  const dataProvider = useDataProvider<ShequDataProvider>();
  const review = record.incomeReview;
  const proposed = review?.proposal.outcome;
  const [outcome, setOutcome] = useState<Outcome | null>(null);
  const [wage, setWage] = useState('');
  const [comment, setComment] = useState('');
  const chosen = outcome ?? proposed ?? 'adjust';
  const changed = chosen !== proposed || wage.trim() !== '';
  const { mutate, isPending, error } = useActionMutation(
    (body: IncomeDecisionBody) => dataProvider.decideIncome(record.id, body),
    {
      done: 'shequ.income.done',
      onDone: () => {
        setOutcome(null);
        setWage('');
        setComment('');
      },
    },
  );
  if (record.gradualExit && !review)
    return (
      <Section title="shequ.income.gradual_title" className="shequ-gradual-exit">
        <Alert severity="info" sx={{ mb: 1 }}>
          {translate('shequ.income.gradual_ends', { on: record.gradualExit.endsOn })}
        </Alert>
        <Schedule months={record.gradualExit.schedule} />
      </Section>
    );
  if (!review) return null;
  const p = review.proposal;
  const canDecide = record.allowedActions?.includes('income_decision');
  return (
    <Section title="shequ.income.title" className="shequ-income-review">
      <Facts
        rows={[
          ['shequ.income.kind', translate(`shequ.income.kinds.${review.event.kind}`)],
          ['shequ.income.wage', formatFen(p.wageFen)],
          ['shequ.income.deduction', formatFen(p.deductionFen)],
          ['shequ.income.counted', formatFen(p.countedFen)],
          ['shequ.income.ceiling', formatFen(p.ceilingFen)],
          ['shequ.income.proposal', <strong>{translate(`shequ.income.outcomes.${p.outcome}`)}</strong>],
        ]}
      />
      <Typography variant="body2" sx={{ my: 1 }} className="shequ-income-explanation">
        {p.explanation}
      </Typography>
      {p.schedule.length > 0 && <Schedule months={p.schedule} />}
      {canDecide && (
        <Stack spacing={1} sx={{ mt: 2 }}>
          <RadioGroup row value={chosen} onChange={(e) => setOutcome(e.target.value as Outcome)} name="outcome">
            {outcomes.map((o) => (
              <FormControlLabel
                key={o}
                value={o}
                control={<Radio />}
                label={
                  translate(`shequ.income.outcomes.${o}`) + (o === proposed ? translate('shequ.income.proposed') : '')
                }
              />
            ))}
          </RadioGroup>
          <TextField
            name="wageFen"
            size="small"
            type="number"
            label={translate('shequ.income.corrected_wage')}
            value={wage}
            onChange={(e) => setWage(e.target.value)}
            error={!!error?.fields.wageFen}
            helperText={error?.fields.wageFen ?? translate('shequ.income.corrected_wage_help')}
            sx={{ maxWidth: 280 }}
          />
          <TextAreaField
            name="comment"
            label={translate(changed ? 'shequ.income.reason_required' : 'shequ.income.reason')}
            value={comment}
            onChange={setComment}
            error={error?.fields.comment}
            maxLength={1000}
            minRows={2}
          />
          <ActionErrorAlert error={error} shown={['wageFen', 'comment', 'outcome']} />
          <MuiButton
            variant="contained"
            color={chosen === 'terminate' ? 'error' : 'primary'}
            disabled={isPending || (changed && comment.trim() === '')}
            data-action="income_decision"
            onClick={() =>
              mutate({
                outcome: chosen,
                comment: comment.trim(),
                ...(wage.trim() !== '' ? { wageFen: yuanToFen(Number(wage)) } : {}),
              })
            }
            sx={{ alignSelf: 'flex-start' }}
          >
            {translate(changed ? 'shequ.income.decide_changed' : 'shequ.income.confirm')}
          </MuiButton>
        </Stack>
      )}
    </Section>
  );
};
