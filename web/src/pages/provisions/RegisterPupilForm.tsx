// Aanmelding: find a pupil and register them for the provision (internal or external).
import { useState, type SubmitEvent } from 'react';
import {
  Fieldset,
  FieldsetLegend,
  Heading2,
  Paragraph,
  PrimaryActionButton,
  SecondaryActionButton,
  Select,
  SelectOption,
  Textbox,
} from '@utrecht/component-library-react';
import { isApiError, type ApiError } from '../../api/client';
import { listPupils } from '../../api/eenplan';
import { registerPupil, type Registration } from '../../api/trajectory';
import type { PupilSummary } from '../../api/types';
import { ErrorSummary, type SummaryItem } from '../../components/ErrorSummary';
import { Field } from '../../components/Field';
import { nlTrajectory } from '../../messages/nl-trajectory';
import { RefusalAlert, todayIso } from './trajectoryUi';

const t = nlTrajectory.register;

export function RegisterPupilForm({
  provisionId,
  onRegistered,
}: {
  provisionId: string;
  onRegistered: (r: Registration) => void;
}) {
  const [query, setQuery] = useState('');
  const [found, setFound] = useState<PupilSummary[]>([]);
  const [pupilId, setPupilId] = useState('');
  const [channel, setChannel] = useState<'internal' | 'external'>('external');
  const [registeredBy, setRegisteredBy] = useState('');
  const [errors, setErrors] = useState<SummaryItem[]>([]);
  const [failure, setFailure] = useState<ApiError | null>(null);
  const [busy, setBusy] = useState(false);

  async function search() {
    const page = await listPupils({ q: query, pageSize: 20 });
    setFound(page.items);
    setPupilId(page.items[0]?.id ?? '');
  }

  async function submit(event: SubmitEvent<HTMLFormElement>) {
    event.preventDefault();
    const problems: SummaryItem[] = [];
    if (pupilId === '') problems.push({ fieldId: 'register-pupil', message: t.pupilRequired });
    if (registeredBy.trim() === '')
      problems.push({ fieldId: 'register-by', message: t.registeredByRequired });
    setErrors(problems);
    setFailure(null);
    if (problems.length > 0) return;
    setBusy(true);
    try {
      const r = await registerPupil(provisionId, {
        pupilId,
        channel,
        registeredBy: registeredBy.trim(),
        registeredOn: todayIso(),
      });
      setRegisteredBy('');
      onRegistered(r);
    } catch (e) {
      if (isApiError(e)) setFailure(e);
    } finally {
      setBusy(false);
    }
  }

  return (
    <section className="ep-section" aria-labelledby="register-title">
      <Heading2 id="register-title">{t.title}</Heading2>
      {errors.length > 0 && <ErrorSummary title={nlTrajectory.errorHeading} items={errors} />}
      {failure && <RefusalAlert error={failure} />}
      <form noValidate onSubmit={(e) => void submit(e)}>
        <Field id="register-search" label={t.search}>
          {(control) => (
            <Textbox
              {...control}
              value={query}
              onChange={(e) => {
                setQuery(e.target.value);
              }}
            />
          )}
        </Field>
        <SecondaryActionButton type="button" onClick={() => void search()}>
          {t.searchButton}
        </SecondaryActionButton>
        <Field
          id="register-pupil"
          label={t.pupil}
          error={errors.find((e) => e.fieldId === 'register-pupil')?.message}
        >
          {(control) => (
            <Select
              {...control}
              value={pupilId}
              onChange={(e) => {
                setPupilId(e.target.value);
              }}
            >
              <SelectOption value="">{t.choose}</SelectOption>
              {found.map((p) => (
                <SelectOption key={p.id} value={p.id}>
                  {`${p.givenName} ${p.familyName} (${p.schoolPupilNumber})`}
                </SelectOption>
              ))}
            </Select>
          )}
        </Field>
        <Fieldset>
          <FieldsetLegend>{t.channel}</FieldsetLegend>
          {(['external', 'internal'] as const).map((c) => (
            <Paragraph key={c}>
              <input
                type="radio"
                id={`register-channel-${c}`}
                name="register-channel"
                checked={channel === c}
                onChange={() => {
                  setChannel(c);
                }}
              />{' '}
              <label htmlFor={`register-channel-${c}`}>{t[c]}</label>
            </Paragraph>
          ))}
        </Fieldset>
        <Field
          id="register-by"
          label={t.registeredBy}
          error={errors.find((e) => e.fieldId === 'register-by')?.message}
        >
          {(control) => (
            <Textbox
              {...control}
              value={registeredBy}
              onChange={(e) => {
                setRegisteredBy(e.target.value);
              }}
            />
          )}
        </Field>
        <PrimaryActionButton type="submit" disabled={busy}>
          {t.submit}
        </PrimaryActionButton>
      </form>
    </section>
  );
}
