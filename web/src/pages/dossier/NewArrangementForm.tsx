// A new maatwerk (route 1) arrangement from a template: template, period, school and provider.
import { useState, type SubmitEvent } from 'react';
import {
  Heading3,
  PrimaryActionButton,
  Select,
  SelectOption,
  Textbox,
} from '@utrecht/component-library-react';
import { isApiError, type ApiError } from '../../api/client';
import { listOrganisations } from '../../api/eenplan';
import { createArrangement, listTemplates, type Arrangement } from '../../api/trajectory';
import { Field } from '../../components/Field';
import { nlTrajectory } from '../../messages/nl-trajectory';
import { useLoad } from '../../useLoad';
import { RefusalAlert, todayIso } from '../provisions/trajectoryUi';

const t = nlTrajectory.arrangement;

export function NewArrangementForm({
  pupilId,
  schoolId,
  onCreated,
}: {
  pupilId: string;
  schoolId: string;
  onCreated: (a: Arrangement) => void;
}) {
  const templates = useLoad(
    async () => (await listTemplates()).filter((x) => x.route === 'tailored'),
    [],
  );
  const providers = useLoad(() => listOrganisations('care_provider'), []);
  const [template, setTemplate] = useState('renn4-maatwerktraject');
  const [start, setStart] = useState(todayIso());
  const [end, setEnd] = useState('');
  const [provider, setProvider] = useState('');
  const [failure, setFailure] = useState<ApiError | null>(null);
  const [busy, setBusy] = useState(false);
  const providerId = provider || providers.value?.[0]?.id || '';

  async function submit(event: SubmitEvent<HTMLFormElement>) {
    event.preventDefault();
    setFailure(null);
    setBusy(true);
    try {
      const a = await createArrangement(pupilId, {
        templateCode: template,
        start,
        ...(end !== '' && { end }),
        enrollingSchoolId: schoolId,
        providerOrganisationIds: providerId ? [providerId] : [],
      });
      onCreated(a);
    } catch (e) {
      if (isApiError(e)) setFailure(e);
    } finally {
      setBusy(false);
    }
  }

  return (
    <form noValidate onSubmit={(e) => void submit(e)} aria-labelledby="new-arrangement-title">
      <Heading3 id="new-arrangement-title">{t.newTitle}</Heading3>
      {failure && <RefusalAlert error={failure} />}
      <Field id="arrangement-template" label={t.template}>
        {(control) => (
          <Select
            {...control}
            value={template}
            onChange={(e) => {
              setTemplate(e.target.value);
            }}
          >
            {(templates.value ?? []).map((x) => (
              <SelectOption key={x.code} value={x.code}>
                {x.name}
              </SelectOption>
            ))}
          </Select>
        )}
      </Field>
      <Field id="arrangement-start" label={t.start}>
        {(control) => (
          <Textbox
            {...control}
            type="date"
            value={start}
            onChange={(e) => {
              setStart(e.target.value);
            }}
          />
        )}
      </Field>
      <Field id="arrangement-end" label={t.end}>
        {(control) => (
          <Textbox
            {...control}
            type="date"
            value={end}
            onChange={(e) => {
              setEnd(e.target.value);
            }}
          />
        )}
      </Field>
      <Field id="arrangement-provider" label={t.provider}>
        {(control) => (
          <Select
            {...control}
            value={providerId}
            onChange={(e) => {
              setProvider(e.target.value);
            }}
          >
            {(providers.value ?? []).map((o) => (
              <SelectOption key={o.id} value={o.id}>
                {o.name}
              </SelectOption>
            ))}
          </Select>
        )}
      </Field>
      <PrimaryActionButton type="submit" disabled={busy}>
        {t.create}
      </PrimaryActionButton>
    </form>
  );
}
