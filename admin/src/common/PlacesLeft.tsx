import { Typography } from '@mui/material';

/** Places left of an opening, "2 / 5", red when none is left (the opening can take nobody). */
export const PlacesLeft = ({ left, total }: { left: number; total?: number }) => (
  <Typography
    component="span"
    variant="body2"
    data-places-left={left}
    className="shequ-places-left"
    sx={{
      fontWeight: 600,
      fontVariantNumeric: 'tabular-nums',
      color: left <= 0 ? 'error.main' : 'success.main',
      whiteSpace: 'nowrap',
    }}
  >
    {total === undefined ? left : `${left} / ${total}`}
  </Typography>
);
