import { Card, CardContent, Typography } from '@mui/material';
import type { ReactNode } from 'react';
import { useTranslate } from 'react-admin';

/** A titled card on a show page. */
export const Section = ({ title, children, className }: { title: string; children: ReactNode; className?: string }) => {
  const translate = useTranslate();
  return (
    <Card variant="outlined" className={className} sx={{ mb: 2 }}>
      <CardContent>
        <Typography variant="h6" gutterBottom>
          {translate(title)}
        </Typography>
        {children}
      </CardContent>
    </Card>
  );
};

/** Label / value pairs in two columns. */
export const Facts = ({ rows }: { rows: [string, ReactNode][] }) => {
  const translate = useTranslate();
  return (
    <Typography
      component="dl"
      variant="body2"
      sx={{ display: 'grid', gridTemplateColumns: 'max-content 1fr', columnGap: 2, rowGap: 0.5, m: 0 }}
    >
      {rows.map(([label, value]) => (
        <span key={label} style={{ display: 'contents' }}>
          <Typography component="dt" variant="body2" color="text.secondary">
            {translate(label)}
          </Typography>
          <Typography component="dd" variant="body2" sx={{ m: 0 }}>
            {value}
          </Typography>
        </span>
      ))}
    </Typography>
  );
};
