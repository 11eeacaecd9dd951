// Small pieces shared by the trajectory screens: today's date, a pupil's name, and the alert for
// a refused step (the server's Dutch rule message, with the field errors).
import {
  Alert,
  Paragraph,
  UnorderedList,
  UnorderedListItem,
} from '@utrecht/component-library-react';
import type { ApiError } from '../../api/client';
import type { PupilRef } from '../../api/trajectory';
import { nlTrajectory as t } from '../../messages/nl-trajectory';

export function todayIso(): string {
  return new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/Amsterdam' }).format(new Date());
}

export function pupilName(p: PupilRef): string {
  return `${p.givenName} ${p.familyName}`;
}

/** A refused step: the rule's Dutch message from the server, and the fields it names. */
export function RefusalAlert({ error }: { error: ApiError }) {
  const message = error.code === 'version-conflict' ? t.conflict : error.message;
  return (
    <div role="alert">
      <Alert type="error">
        <Paragraph>
          <strong>{t.errorHeading}.</strong> {message}
        </Paragraph>
        {error.errors.length > 0 && error.code === 'validation-failed' && (
          <UnorderedList>
            {error.errors.map((e) => (
              <UnorderedListItem key={`${e.name}:${e.code}`}>
                {e.name}: {e.reason}
              </UnorderedListItem>
            ))}
          </UnorderedList>
        )}
      </Alert>
    </div>
  );
}
