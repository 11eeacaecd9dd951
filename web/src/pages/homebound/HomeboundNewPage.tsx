import { useState, type SubmitEvent } from 'react';
import { useNavigate } from 'react-router';
import {
  Heading1,
  Paragraph,
  PrimaryActionButton,
  Select,
  SelectOption,
  Textarea,
  Textbox,
} from '@utrecht/component-library-react';
import { isApiError, type ApiError } from '../../api/client';
import { listPupils } from '../../api/eenplan';
import {
  createHomeboundCase,
  type ExemptionKind,
  type HomeboundCategory,
  type HomeboundOffer,
} from '../../api/homebound';
import type { PupilSummary } from '../../api/types';
import { ErrorSummary } from '../../components/ErrorSummary';
import { ChoiceField } from '../../components/ChoiceField';
import { Field } from '../../components/Field';
import { ProblemAlert } from '../../components/ProblemAlert';
import { RouterLink } from '../../components/RouterLink';
import { formatDate } from '../../format';
import { nl } from '../../messages/nl';
import { useDocumentTitle } from '../../useDocumentTitle';
import { fieldErrors, formText, todayIso } from './HomeboundCasePage';

const t = nl.homebound;
const f = t.form;
const FIELDS = [
  'pupilId',
  'category',
  'firstDay',
  'exemptionKind',
  'contactName',
  'reviewOn',
  'offer',
  'offerNote',
];
const fieldId = (name: string) => `hb-${name}`;

/** "Thuiszitter registreren": find the pupil, then category, first day and (vrijstelling) contact. */
export function HomeboundNewPage() {
  useDocumentTitle(f.title);
  const navigate = useNavigate();
  const [found, setFound] = useState<PupilSummary[] | null>(null);
  const [category, setCategory] = useState<HomeboundCategory>('at_risk');
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [problem, setProblem] = useState<ApiError | null>(null);
  const [busy, setBusy] = useState(false);

  async function search(event: SubmitEvent<HTMLFormElement>) {
    event.preventDefault();
    const q = formText(new FormData(event.currentTarget), 'q').trim();
    try {
      setFound((await listPupils({ q, pageSize: 50 })).items);
    } catch (e) {
      setProblem(isApiError(e) ? e : null);
    }
  }

  async function submit(event: SubmitEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    const text = (n: string) => formText(form, n);
    const local: Record<string, string> = {};
    if (text('pupilId') === '') local.pupilId = f.pupilRequired;
    if (!/^\d{4}-\d{2}-\d{2}$/.test(text('firstDay'))) local.firstDay = f.dateInvalid;
    if (Object.keys(local).length > 0) {
      setErrors(local);
      return;
    }
    setBusy(true);
    setErrors({});
    setProblem(null);
    try {
      const exemption = category === 'exemption';
      const created = await createHomeboundCase({
        pupilId: text('pupilId'),
        category,
        firstDay: text('firstDay'),
        ...(exemption && {
          exemptionKind: (text('exemptionKind') || null) as ExemptionKind | null,
          reviewOn: text('reviewOn') === '' ? null : text('reviewOn'),
        }),
        contactName: text('contactName').trim(),
        offer: text('offer') as HomeboundOffer,
        offerNote: text('offerNote'),
        source: 'manual',
      });
      void navigate(`/thuiszitters/${created.id}`);
    } catch (e) {
      const fields = fieldErrors(e);
      if (Object.keys(fields).length > 0) setErrors(fields);
      else if (isApiError(e)) setProblem(e);
    } finally {
      setBusy(false);
    }
  }

  const summary = FIELDS.filter((n) => errors[n]).map((n) => ({
    fieldId: fieldId(n),
    message: errors[n] ?? '',
  }));

  return (
    <>
      <Heading1>{f.title}</Heading1>
      <Paragraph>{f.intro}</Paragraph>
      <Paragraph>
        <RouterLink to="/thuiszitters">{t.case.back}</RouterLink>
      </Paragraph>

      <form
        className="ep-filters"
        role="search"
        aria-label={f.pupilSearch}
        onSubmit={(e) => void search(e)}
      >
        <Field id="hb-search" label={f.pupilSearch} hint={f.pupilSearchHint}>
          {(control) => <Textbox {...control} name="q" type="search" />}
        </Field>
        <div className="ep-filters__actions">
          <PrimaryActionButton type="submit">{f.search}</PrimaryActionButton>
        </div>
      </form>

      {problem && <ProblemAlert error={problem} />}
      {summary.length > 0 && <ErrorSummary title={f.errorsHeading} items={summary} />}

      <form className="ep-form" onSubmit={(e) => void submit(e)} noValidate aria-label={f.title}>
        <Field id={fieldId('pupilId')} label={f.pupil} error={errors.pupilId}>
          {(control) => (
            <Select {...control} name="pupilId" defaultValue="">
              <SelectOption value="">
                {found && found.length === 0 ? f.noPupils : f.choosePupil}
              </SelectOption>
              {(found ?? []).map((p) => (
                <SelectOption key={p.id} value={p.id}>
                  {`${p.familyName}, ${p.givenName} (${formatDate(p.dateOfBirth)}, ${p.enrolmentSchool.name}, ${nl.label.status(p.status)})`}
                </SelectOption>
              ))}
            </Select>
          )}
        </Field>
        <ChoiceField
          id={fieldId('category')}
          name="category"
          label={t.category}
          error={errors.category}
          options={t.categories}
          value={category}
          onChange={(v) => {
            setCategory(v as HomeboundCategory);
          }}
        />
        <Field
          id={fieldId('firstDay')}
          label={f.firstDay}
          hint={f.firstDayHint}
          error={errors.firstDay}
        >
          {(control) => (
            <Textbox
              {...control}
              name="firstDay"
              type="date"
              max={todayIso()}
              className="ep-input--short"
            />
          )}
        </Field>
        {category === 'exemption' && (
          <>
            <ChoiceField
              id={fieldId('exemptionKind')}
              name="exemptionKind"
              label={f.exemptionKind}
              error={errors.exemptionKind}
              options={t.exemptionKinds}
              placeholder={f.chooseKind}
            />
            <Field id={fieldId('reviewOn')} label={f.reviewOn} error={errors.reviewOn}>
              {(control) => (
                <Textbox {...control} name="reviewOn" type="date" className="ep-input--short" />
              )}
            </Field>
          </>
        )}
        <Field
          id={fieldId('contactName')}
          label={f.contactName}
          hint={f.contactHint}
          error={errors.contactName}
        >
          {(control) => <Textbox {...control} name="contactName" />}
        </Field>
        <ChoiceField
          id={fieldId('offer')}
          name="offer"
          label={f.offer}
          error={errors.offer}
          options={t.offers}
          defaultValue="none"
        />
        <Field id={fieldId('offerNote')} label={f.offerNote} error={errors.offerNote}>
          {(control) => <Textarea {...control} name="offerNote" rows={3} />}
        </Field>
        <PrimaryActionButton type="submit" disabled={busy}>
          {busy ? f.busy : f.submit}
        </PrimaryActionButton>
      </form>
    </>
  );
}
