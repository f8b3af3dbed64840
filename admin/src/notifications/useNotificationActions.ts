import { useQueryClient } from '@tanstack/react-query';
import { useDataProvider, useNotify } from 'react-admin';
import { useNavigate } from 'react-router-dom';
import type { ShequDataProvider } from '../dataProvider';
import { entityPath } from './entityPath';
import type { Notification } from './types';

/** Open one (mark it read, go to its page) or mark them all read; the bell's count follows. */
export function useNotificationActions() {
  const dataProvider = useDataProvider<ShequDataProvider>();
  const queryClient = useQueryClient();
  const navigate = useNavigate();
  const notify = useNotify();
  const recount = () => queryClient.invalidateQueries({ queryKey: ['notifications'] });
  const fail = (e: Error) => notify(e.message || 'ra.notification.http_error', { type: 'error' });

  const open = async (n: Notification) => {
    const to = entityPath(n);
    // Going there matters more than the read mark: navigate even if marking it failed.
    if (!n.readAt) await dataProvider.markNotificationRead(n.id).then(recount, fail);
    if (to) void navigate(to);
  };

  const markAllRead = async () => {
    try {
      const { updated } = await dataProvider.markAllNotificationsRead();
      notify('shequ.notifications.all_read', { type: 'info', messageArgs: { count: updated } });
    } catch (e) {
      fail(e as Error);
    }
    await recount();
  };

  return { open, markAllRead };
}
