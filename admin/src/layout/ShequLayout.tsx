import type { ReactNode } from 'react';
import { Layout } from 'react-admin';
import { ShequAppBar } from './ShequAppBar';
import { ShequMenu } from './ShequMenu';

export const ShequLayout = ({ children }: { children: ReactNode }) => (
  <Layout appBar={ShequAppBar} menu={ShequMenu}>
    {children}
  </Layout>
);
