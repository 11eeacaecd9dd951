// A labelled select over a fixed set of codes with their Dutch labels: the one way forms offer a
// choice, so label, hint, error and ARIA wiring are the same everywhere.
import { Select, SelectOption } from '@utrecht/component-library-react';
import { Field } from './Field';

interface Props {
  id: string;
  name: string;
  label: string;
  hint?: string | undefined;
  error?: string | undefined;
  /** Code → label, in the order shown. */
  options: Record<string, string> | readonly (readonly [string, string])[];
  /** An empty first option ("Kies …"), for a choice that has no default. */
  placeholder?: string | undefined;
  /** Controlled when given (with onChange); otherwise the form reads it on submit. */
  value?: string | undefined;
  defaultValue?: string | undefined;
  onChange?: ((value: string) => void) | undefined;
}

export function ChoiceField({
  id,
  name,
  label,
  hint,
  error,
  options,
  placeholder,
  value,
  defaultValue,
  onChange,
}: Props) {
  const entries = Array.isArray(options)
    ? (options as readonly (readonly [string, string])[])
    : Object.entries(options);
  return (
    <Field id={id} label={label} hint={hint} error={error}>
      {(control) => (
        <Select
          {...control}
          name={name}
          {...(value !== undefined ? { value } : { defaultValue: defaultValue ?? '' })}
          {...(onChange && {
            onChange: (e: React.ChangeEvent<HTMLSelectElement>) => {
              onChange(e.target.value);
            },
          })}
        >
          {placeholder !== undefined && <SelectOption value="">{placeholder}</SelectOption>}
          {entries.map(([code, text]) => (
            <SelectOption key={code} value={code}>
              {text}
            </SelectOption>
          ))}
        </Select>
      )}
    </Field>
  );
}
