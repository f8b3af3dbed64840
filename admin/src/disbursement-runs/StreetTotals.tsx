import {
  Accordion,
  AccordionDetails,
  AccordionSummary,
  Grid,
  Table,
  TableBody,
  TableCell,
  TableFooter,
  TableHead,
  TableRow,
  Typography,
} from '@mui/material';
import ExpandMoreIcon from '@mui/icons-material/ExpandMore';
import { lazy, Suspense } from 'react';
import { useTranslate } from 'react-admin';
import { formatFen } from '../common/money';
import { ScrollX } from '../common/ScrollX';
import { Section } from '../common/Section';
import type { CommunityTotal, StreetTotal } from './types';

// The chart library is loaded only when a run page shows totals: the console's first load stays as it was.
const StreetChart = lazy(() => import('./StreetChart').then((m) => ({ default: m.StreetChart })));

const t = (key: string) => `shequ.disbursement.totals.${key}`;

/** Share of the month's money, to one decimal, from integers only. */
const share = (fen: number, total: number) =>
  total > 0 ? `${(Math.round((fen * 1000) / total) / 10).toFixed(1)}%` : '—';

const CommunityTable = ({ communities, streets }: { communities: CommunityTotal[]; streets: StreetTotal[] }) => {
  const translate = useTranslate();
  const streetName = new Map(streets.map((s) => [s.streetId, s.streetName]));
  return (
    <Accordion disableGutters variant="outlined" sx={{ mt: 2 }}>
      <AccordionSummary expandIcon={<ExpandMoreIcon />}>
        <Typography variant="body2">{translate(t('communities'), { count: communities.length })}</Typography>
      </AccordionSummary>
      <AccordionDetails>
        <ScrollX>
          <Table size="small" className="shequ-community-totals">
            <TableHead>
              <TableRow>
                <TableCell>{translate(t('community'))}</TableCell>
                <TableCell>{translate(t('street'))}</TableCell>
                <TableCell align="right">{translate(t('lines'))}</TableCell>
                <TableCell align="right">{translate(t('amount'))}</TableCell>
              </TableRow>
            </TableHead>
            <TableBody>
              {communities.map((c) => (
                <TableRow key={c.communityId}>
                  <TableCell>{c.communityName}</TableCell>
                  <TableCell>{streetName.get(c.streetId) ?? c.streetId}</TableCell>
                  <TableCell align="right">{c.lines}</TableCell>
                  <TableCell align="right">{formatFen(c.amountFen)}</TableCell>
                </TableRow>
              ))}
            </TableBody>
          </Table>
        </ScrollX>
      </AccordionDetails>
    </Accordion>
  );
};

/** Totals per street, as a table (exact fen) and a chart, with the communities below. */
export const StreetTotals = ({ streets, communities }: { streets: StreetTotal[]; communities: CommunityTotal[] }) => {
  const translate = useTranslate();
  const lines = streets.reduce((s, r) => s + r.lines, 0);
  const total = streets.reduce((s, r) => s + r.amountFen, 0);
  return (
    <Section title="shequ.disbursement.section.streets" className="shequ-street-totals">
      {streets.length === 0 ? (
        <Typography color="text.secondary">{translate(t('none'))}</Typography>
      ) : (
        <Grid container spacing={2}>
          <Grid size={{ xs: 12, md: 5 }}>
            <ScrollX>
              <Table size="small" className="shequ-street-table">
                <TableHead>
                  <TableRow>
                    <TableCell>{translate(t('street'))}</TableCell>
                    <TableCell align="right">{translate(t('lines'))}</TableCell>
                    <TableCell align="right">{translate(t('amount'))}</TableCell>
                    <TableCell align="right">{translate(t('share'))}</TableCell>
                  </TableRow>
                </TableHead>
                <TableBody>
                  {streets.map((s) => (
                    <TableRow key={s.streetId} data-street-id={s.streetId}>
                      <TableCell>{s.streetName}</TableCell>
                      <TableCell align="right">{s.lines}</TableCell>
                      <TableCell align="right" sx={{ fontVariantNumeric: 'tabular-nums' }}>
                        {formatFen(s.amountFen)}
                      </TableCell>
                      <TableCell align="right">{share(s.amountFen, total)}</TableCell>
                    </TableRow>
                  ))}
                </TableBody>
                <TableFooter>
                  <TableRow>
                    <TableCell>{translate(t('total'))}</TableCell>
                    <TableCell align="right">{lines}</TableCell>
                    <TableCell align="right" sx={{ fontVariantNumeric: 'tabular-nums' }}>
                      {formatFen(total)}
                    </TableCell>
                    <TableCell align="right">100%</TableCell>
                  </TableRow>
                </TableFooter>
              </Table>
            </ScrollX>
          </Grid>
          <Grid size={{ xs: 12, md: 7 }}>
            <Suspense fallback={<div style={{ height: 280 }} />}>
              <StreetChart totals={streets} />
            </Suspense>
          </Grid>
        </Grid>
      )}
      {communities.length > 0 && <CommunityTable communities={communities} streets={streets} />}
    </Section>
  );
};
