import simpleRestProvider from 'ra-data-simple-rest';
import type { DataProvider, Identifier, RaRecord } from 'react-admin';
import { applicationFormField } from './applications/payload';
import { toFormError, type FieldRename } from './formErrors';
import { httpClient } from './httpClient';

export interface ShequDataProvider extends DataProvider {
  withdrawApplication: (id: Identifier, reason: string) => Promise<{ data: RaRecord }>;
}

const rest = simpleRestProvider('/api', httpClient);

const formFields: Record<string, FieldRename> = { applications: applicationFormField };
const asFormError = (resource: string) => (error: unknown) => {
  throw toFormError(error, formFields[resource]);
};

export const dataProvider: ShequDataProvider = {
  ...rest,
  create: (resource, params) => rest.create(resource, params).catch(asFormError(resource)),
  update: (resource, params) => rest.update(resource, params).catch(asFormError(resource)),
  async withdrawApplication(id, reason) {
    const { json } = await httpClient(`/api/applications/${encodeURIComponent(String(id))}/withdraw`, {
      method: 'POST',
      body: JSON.stringify({ reason }),
    });
    return { data: json as RaRecord };
  },
};
