import { Alert } from '@mui/material';
import { useEffect, useState } from 'react';
import { Login, LoginForm, useTranslate } from 'react-admin';
import { forgetSessionEnded, sessionEnded } from '../session';

/** react-admin's login page, saying so when the user arrives because her session ended. */
export const ShequLogin = () => {
  const translate = useTranslate();
  const [ended] = useState(sessionEnded);
  // Said once: a reload of the login page, or the next visit, starts plain.
  useEffect(() => forgetSessionEnded(), []);
  return (
    <Login>
      {ended && (
        <Alert severity="warning" sx={{ mx: 2, mt: 2 }} className="shequ-session-ended">
          {translate('shequ.session_ended')}
        </Alert>
      )}
      <LoginForm />
    </Login>
  );
};
