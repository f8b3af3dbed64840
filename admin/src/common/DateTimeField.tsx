import { DateField, type DateFieldProps } from 'react-admin';

/** Date and time as the bureau reads it: Beijing time, whatever the browser's zone. */
export const DateTimeField = (props: Omit<DateFieldProps, 'showTime' | 'locales' | 'options'>) => (
  <DateField {...props} showTime locales="zh-CN" options={{ timeZone: 'Asia/Shanghai' }} />
);
