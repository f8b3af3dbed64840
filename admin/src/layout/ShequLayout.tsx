import type { ReactNode } from 'react';
import { Layout } from 'react-admin';
import { ShequAppBar } from './ShequAppBar';

export const ShequLayout = ({ children }: { children: ReactNode }) => <Layout appBar={ShequAppBar}>{children}</Layout>;
