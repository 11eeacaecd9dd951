import type { ReactNode } from 'react';
import {
  FormField,
  FormFieldDescription,
  FormFieldErrorMessage,
  FormLabel,
} from '@utrecht/component-library-react';

export interface ControlProps {
  id: string;
  'aria-describedby'?: string;
  'aria-invalid'?: true;
}

interface Props {
  id: string;
  label: string;
  hint?: string | undefined;
  error?: string | undefined;
  /** Renders the input, select or textarea with the id and ARIA links it needs. */
  children: (control: ControlProps) => ReactNode;
}

/** Label, hint, error and control wired together so screen readers announce all of them. */
export function Field({ id, label, hint, error, children }: Props) {
  const hintId = hint === undefined ? undefined : `${id}-hint`;
  const errorId = error === undefined ? undefined : `${id}-error`;
  const describedBy = [errorId, hintId].filter(Boolean).join(' ');
  return (
    <FormField invalid={error !== undefined} className="ep-field">
      <div className="utrecht-form-field__label">
        <FormLabel htmlFor={id}>{label}</FormLabel>
      </div>
      {hint !== undefined && <FormFieldDescription id={hintId}>{hint}</FormFieldDescription>}
      {error !== undefined && <FormFieldErrorMessage id={errorId}>{error}</FormFieldErrorMessage>}
      <div className="utrecht-form-field__input">
        {children({
          id,
          ...(describedBy !== '' && { 'aria-describedby': describedBy }),
          ...(error !== undefined && { 'aria-invalid': true as const }),
        })}
      </div>
    </FormField>
  );
}
