import { Box } from '@mui/material';
import { useTranslate } from 'react-admin';
import { maxStarLevel } from './stars';

/** The star level as ★ characters: earned in gold, the rest faint ("★★☆☆☆"). */
export const Stars = ({ level, size = 'body' }: { level: number; size?: 'body' | 'large' }) => {
  const translate = useTranslate();
  const earned = Math.max(0, Math.min(maxStarLevel, Math.floor(level)));
  return (
    <Box
      component="span"
      className="shequ-stars"
      data-stars={earned}
      role="img"
      aria-label={translate('shequ.stars.level', { level: earned })}
      title={translate('shequ.stars.level', { level: earned })}
      sx={{
        whiteSpace: 'nowrap',
        letterSpacing: '0.05em',
        fontSize: size === 'large' ? '1.5rem' : '1rem',
        lineHeight: 1,
      }}
    >
      <Box component="span" sx={{ color: '#f5a623' }}>
        {'★'.repeat(earned)}
      </Box>
      <Box component="span" sx={{ color: 'action.disabled' }}>
        {'☆'.repeat(maxStarLevel - earned)}
      </Box>
    </Box>
  );
};
