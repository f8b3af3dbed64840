import { Alert } from '@mui/material';
import { BooleanInput, FormDataConsumer, TextInput, required, useTranslate } from 'react-admin';
import { ageFromIdNumber, isMinorAge, MIN_AGE, mustConsent, type VolunteerForm } from './payload';

/** What the age asks for: under 14 cannot register; 14–17 need a guardian's name and consent. */
const ForAge = ({ age }: { age: number | undefined }) => {
  const translate = useTranslate();
  if (age === undefined) return null;
  if (age < MIN_AGE) {
    return (
      <Alert severity="error" sx={{ my: 1 }} className="shequ-age-note">
        {translate('shequ.volunteer_form.too_young_help', { age })}
      </Alert>
    );
  }
  if (!isMinorAge(age)) return null;
  return (
    <>
      <Alert severity="info" sx={{ my: 1 }} className="shequ-age-note">
        {translate('shequ.volunteer_form.minor_help', { age })}
      </Alert>
      <TextInput source="guardianName" validate={required()} />
      <BooleanInput
        source="guardianConsent"
        validate={mustConsent}
        helperText="resources.volunteers.helper.guardianConsent"
      />
    </>
  );
};

/** Follows the ID number as it is typed (the API refuses a minor without guardian and consent). */
export const GuardianInputs = () => (
  <FormDataConsumer<VolunteerForm>>
    {({ formData }) => <ForAge age={ageFromIdNumber(formData.idNumber)} />}
  </FormDataConsumer>
);
