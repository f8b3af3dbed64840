import { Box } from '@mui/material';
import type { ReactNode } from 'react';

/** Lets a wide table scroll sideways on a narrow screen instead of wrapping every cell. */
export const ScrollX = ({ children }: { children: ReactNode }) => <Box sx={{ overflowX: 'auto' }}>{children}</Box>;
