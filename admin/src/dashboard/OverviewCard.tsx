import { Card, CardActions, CardContent, Typography } from '@mui/material';
import type { ReactNode } from 'react';
import { useTranslate } from 'react-admin';

interface Props {
  title: string;
  className?: string;
  children: ReactNode;
  actions?: ReactNode;
}

/** The frame every overview card shares: a title, the figures, links below. */
export const OverviewCard = ({ title, className, children, actions }: Props) => {
  const translate = useTranslate();
  return (
    <Card className={className} sx={{ height: '100%', display: 'flex', flexDirection: 'column' }}>
      <CardContent sx={{ flexGrow: 1 }}>
        <Typography variant="subtitle1" gutterBottom>
          {translate(title)}
        </Typography>
        {children}
      </CardContent>
      {actions && <CardActions>{actions}</CardActions>}
    </Card>
  );
};

/** The one figure a card is about. */
export const BigNumber = ({ value, unit }: { value: ReactNode; unit?: string }) => (
  <Typography variant="h3" component="div" className="shequ-big-number" sx={{ fontVariantNumeric: 'tabular-nums' }}>
    {value}
    {unit && (
      <Typography component="span" variant="body1" color="text.secondary" sx={{ ml: 1 }}>
        {unit}
      </Typography>
    )}
  </Typography>
);
