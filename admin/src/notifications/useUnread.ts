import { useGetList } from 'react-admin';
import type { Notification } from './types';

/** The latest unread notifications and how many there are in all; looked at every 30 s. */
export function useUnread() {
  return useGetList<Notification>(
    'notifications',
    { filter: { unread: true }, pagination: { page: 1, perPage: 10 }, sort: { field: 'id', order: 'DESC' } },
    { refetchInterval: 30_000, retry: false },
  );
}
