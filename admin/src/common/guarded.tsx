import type { ComponentType } from 'react';
import { AccessDenied, CanAccess } from 'react-admin';

/**
 * A custom page (not a react-admin List, which checks access itself) shown only to roles the
 * policy lets open it; anyone else reaching it by URL is told 无权访问 before any control shows.
 */
export const guarded = (resource: string, Page: ComponentType) => {
  const Guarded = () => (
    <CanAccess resource={resource} action="list" accessDenied={<AccessDenied />}>
      <Page />
    </CanAccess>
  );
  return Guarded;
};
