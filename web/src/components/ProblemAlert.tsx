import { Alert, Paragraph } from '@utrecht/component-library-react';
import type { ApiError } from '../api/client';
import { nl } from '../messages/nl';

/** A failed request explained in Dutch from its problem `code`. */
export function ProblemAlert({ error, children }: { error: ApiError; children?: React.ReactNode }) {
  return (
    <Alert type="error">
      <Paragraph>{nl.problem.message(error.code, error.status)}</Paragraph>
      {children}
    </Alert>
  );
}
