import { AutocompleteInput, ReferenceInput } from 'react-admin';
import { byName } from './sort';

/** Street (or town) and community pickers for list filters. */
export const areaFilters = [
  <ReferenceInput
    key="streetId"
    source="streetId"
    reference="org-units"
    filter={{ kind: ['street', 'town'] }}
    sort={byName}
  >
    <AutocompleteInput optionText="name" />
  </ReferenceInput>,
  <ReferenceInput
    key="communityId"
    source="communityId"
    reference="org-units"
    filter={{ kind: 'community' }}
    sort={byName}
  >
    <AutocompleteInput optionText="name" />
  </ReferenceInput>,
];
