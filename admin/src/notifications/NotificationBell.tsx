import DoneAllIcon from '@mui/icons-material/DoneAll';
import NotificationsIcon from '@mui/icons-material/Notifications';
import {
  Badge,
  Box,
  Button,
  Divider,
  IconButton,
  ListItemText,
  Menu,
  MenuItem,
  Tooltip,
  Typography,
} from '@mui/material';
import { useState } from 'react';
import { Link } from 'react-router-dom';
import { useTranslate } from 'react-admin';
import { useFormatInstant } from '../common/time';
import type { Notification } from './types';
import { useNotificationActions } from './useNotificationActions';
import { useUnread } from './useUnread';

const t = (key: string) => `shequ.notifications.${key}`;

/** The app bar's bell: the unread count, and the latest unread a click away. */
export const NotificationBell = () => {
  const translate = useTranslate();
  const format = useFormatInstant();
  const { data, total } = useUnread();
  const { open, markAllRead } = useNotificationActions();
  const [anchor, setAnchor] = useState<HTMLElement | null>(null);
  const close = () => setAnchor(null);
  const count = total ?? 0;
  const pick = (n: Notification) => {
    close();
    void open(n);
  };

  return (
    <>
      <Tooltip title={translate(t('title'))}>
        <IconButton
          color="inherit"
          aria-label={translate(t('bell'))}
          className="shequ-bell"
          data-unread={count}
          onClick={(e) => setAnchor(e.currentTarget)}
        >
          <Badge badgeContent={count} color="error" max={99}>
            <NotificationsIcon />
          </Badge>
        </IconButton>
      </Tooltip>
      <Menu
        anchorEl={anchor}
        open={!!anchor}
        onClose={close}
        anchorOrigin={{ vertical: 'bottom', horizontal: 'right' }}
        transformOrigin={{ vertical: 'top', horizontal: 'right' }}
        slotProps={{
          paper: { sx: { width: 380, maxWidth: '100vw' } },
          list: { className: 'shequ-bell-menu', dense: true },
        }}
      >
        <Box sx={{ px: 2, py: 1, display: 'flex', alignItems: 'center', justifyContent: 'space-between' }}>
          <Typography variant="subtitle1">{translate(t('title'))}</Typography>
          <Button
            size="small"
            startIcon={<DoneAllIcon />}
            disabled={count === 0}
            onClick={() => void markAllRead()}
            data-action="read-all"
          >
            {translate(t('mark_all'))}
          </Button>
        </Box>
        <Divider />
        {(data ?? []).length === 0 && (
          <MenuItem disabled>
            <Typography variant="body2">{translate(t('none'))}</Typography>
          </MenuItem>
        )}
        {(data ?? []).map((n) => (
          <MenuItem
            key={n.id}
            onClick={() => pick(n)}
            data-notification-id={n.id}
            sx={{ whiteSpace: 'normal', alignItems: 'flex-start' }}
          >
            <ListItemText primary={n.message} secondary={format(n.createdAt)} />
          </MenuItem>
        ))}
        <Divider />
        <MenuItem
          component={Link}
          to="/notifications"
          onClick={close}
          data-action="see-all"
          sx={{ justifyContent: 'center' }}
        >
          <Typography variant="body2" color="primary">
            {translate(t('see_all'))}
          </Typography>
        </MenuItem>
      </Menu>
    </>
  );
};
