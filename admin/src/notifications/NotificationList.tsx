import DoneAllIcon from '@mui/icons-material/DoneAll';
import { Chip, Typography } from '@mui/material';
import {
  BooleanInput,
  Button,
  Datagrid,
  List,
  TopToolbar,
  useRecordContext,
  useTranslate,
  type FieldProps,
} from 'react-admin';
import { DateTimeField } from '../common/DateTimeField';
import type { Notification } from './types';
import { useNotificationActions } from './useNotificationActions';

const filters = [<BooleanInput key="unread" source="unread" alwaysOn />];

const Actions = () => {
  const { markAllRead } = useNotificationActions();
  return (
    <TopToolbar>
      <Button label="shequ.notifications.mark_all" onClick={() => void markAllRead()} data-action="read-all">
        <DoneAllIcon />
      </Button>
    </TopToolbar>
  );
};

/** Unread in bold with a chip: the same cue as the bell's count. */
const MessageField = (_props: FieldProps<Notification>) => {
  const record = useRecordContext<Notification>();
  const translate = useTranslate();
  if (!record) return null;
  return (
    <Typography variant="body2" fontWeight={record.readAt ? 400 : 600}>
      {!record.readAt && (
        <Chip size="small" color="error" label={translate('shequ.notifications.unread')} sx={{ mr: 1 }} />
      )}
      {record.message}
    </Typography>
  );
};

// The API sorts by id and createdAt. A click opens what the notification is about (and marks it read).
export const NotificationList = () => {
  const { open } = useNotificationActions();
  return (
    <List
      resource="notifications"
      filters={filters}
      sort={{ field: 'id', order: 'DESC' }}
      exporter={false}
      actions={<Actions />}
      className="shequ-notification-list"
    >
      <Datagrid
        bulkActionButtons={false}
        rowClick={(_id, _resource, record) => {
          void open(record as Notification);
          return false;
        }}
      >
        <MessageField source="message" sortable={false} />
        <DateTimeField source="createdAt" />
        <DateTimeField source="readAt" sortable={false} emptyText="—" />
      </Datagrid>
    </List>
  );
};
