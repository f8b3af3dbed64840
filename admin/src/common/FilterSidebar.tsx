import { Card, CardContent } from '@mui/material';
import type { ReactNode } from 'react';

/** The list's left column: saved queries and one-click filters (hidden on small screens). */
export const FilterSidebar = ({ children }: { children: ReactNode }) => (
  <Card
    sx={{
      order: -1,
      mr: 2,
      mt: 2,
      width: 220,
      flexShrink: 0,
      display: { xs: 'none', md: 'block' },
      alignSelf: 'flex-start',
    }}
  >
    <CardContent sx={{ pt: 1 }}>{children}</CardContent>
  </Card>
);
