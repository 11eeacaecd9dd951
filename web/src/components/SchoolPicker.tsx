import { useState } from 'react';
import { Select, SelectOption } from '@utrecht/component-library-react';
import type { OrganisationRef } from '../api/types';
import { useSession } from '../auth/session-context';
import { Field } from './Field';

/**
 * The schools the user works at (their memberships of kind school) and the one chosen on this
 * page: the first by default. A coordinator of one school never has to choose.
 */
export function useMySchools() {
  const { state } = useSession();
  const schools =
    state.status === 'authenticated'
      ? state.session.user.organisations.filter((o) => o.kind === 'school')
      : [];
  const [schoolId, setSchoolId] = useState(schools[0]?.id ?? '');
  const school = schools.find((s) => s.id === schoolId);
  return { schools, school, setSchoolId };
}

/** A school select, shown only when there is something to choose. */
export function SchoolPicker({
  id,
  label,
  schools,
  value,
  onChange,
}: {
  id: string;
  label: string;
  schools: OrganisationRef[];
  value: string;
  onChange: (schoolId: string) => void;
}) {
  if (schools.length < 2) return null;
  return (
    <Field id={id} label={label}>
      {(control) => (
        <Select
          {...control}
          value={value}
          onChange={(e) => {
            onChange(e.target.value);
          }}
        >
          {schools.map((s) => (
            <SelectOption key={s.id} value={s.id}>
              {s.name}
            </SelectOption>
          ))}
        </Select>
      )}
    </Field>
  );
}
