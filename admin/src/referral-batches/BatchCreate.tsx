import { Create, DateInput, ReferenceInput, SelectInput, SimpleForm, TextInput, required } from 'react-admin';
import { shanghaiToday } from '../common/time';
import { getUser } from '../session';
import { CreateEnterprise } from './CreateEnterprise';
import { batchReferralsPath } from './links';
import { toBatchPayload, type BatchForm } from './payload';
import { SeekerInputs } from './SeekerInputs';

// A community caseworker mostly registers people of her own community: start the row there.
const defaultValues = () => {
  const user = getUser();
  const communityId = user?.role === 'caseworker' ? user.orgUnitId : undefined;
  return { receivedOn: shanghaiToday(), seekers: [{ communityId, education: 'junior_high', skills: [] }] };
};

// Pessimistic: the API checks every ID number (and that nobody is already in an open referral)
// and its field errors must show beside the row before the caseworker leaves the page. Each
// seeker becomes a referral; the queue then opens on this batch.
export const BatchCreate = () => (
  <Create
    mutationMode="pessimistic"
    redirect={(_resource, id) => batchReferralsPath(id ?? '')}
    transform={(data: BatchForm) => toBatchPayload(data)}
  >
    <SimpleForm defaultValues={defaultValues()} mode="onBlur" reValidateMode="onChange">
      {/* Enterprises are few: a plain select, with "add" for one referring for the first time. */}
      <ReferenceInput
        source="enterpriseId"
        reference="enterprises"
        sort={{ field: 'name', order: 'ASC' }}
        perPage={500}
      >
        <SelectInput
          optionText="name"
          validate={required()}
          create={<CreateEnterprise />}
          createLabel="resources.enterprises.action.create"
        />
      </ReferenceInput>
      <TextInput source="reference" validate={required()} helperText="resources.referral-batches.helper.reference" />
      <DateInput source="receivedOn" validate={required()} />
      <SeekerInputs />
    </SimpleForm>
  </Create>
);
