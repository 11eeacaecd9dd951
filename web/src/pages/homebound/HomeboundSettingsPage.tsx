// The region's thuiszitter settings: everyone who works with the register reads them (so a clock
// status can be explained); the SWV-beheerder changes them, always with a reason, and every
// earlier version stays visible.
import { useRef, useState, type SubmitEvent } from 'react';
import {
  Alert,
  DataList,
  DataListItem,
  DataListKey,
  DataListValue,
  Heading1,
  Heading2,
  Paragraph,
  PrimaryActionButton,
  Textarea,
  Textbox,
} from '@utrecht/component-library-react';
import {
  getHomeboundSettings,
  updateHomeboundSettings,
  type HomeboundSettingsValues,
  type RegionHomeboundSettings,
} from '../../api/homebound';
import { isApiError, type ApiError } from '../../api/client';
import { ErrorSummary, type SummaryItem } from '../../components/ErrorSummary';
import { Field } from '../../components/Field';
import { ProblemAlert } from '../../components/ProblemAlert';
import { nl } from '../../messages/nl';
import type { SettingField } from '../../messages/nl-homebound-settings';
import { useDocumentTitle } from '../../useDocumentTitle';
import { useLoad } from '../../useLoad';
import { HomeboundSettingsHistory } from './HomeboundSettingsHistory';

const t = nl.homeboundSettings;
const FIELDS: SettingField[] = [
  'targetWeeks',
  'atRiskWeeks',
  'relativeThresholdWeeks',
  'threateningWeeks',
  'minUnauthorisedHours',
  'dataLagSchoolDays',
];
const fieldId = (name: string) => `settings-${name}`;

export function HomeboundSettingsPage() {
  useDocumentTitle(t.title);
  const settings = useLoad(() => getHomeboundSettings(), []);
  return (
    <>
      <Heading1>{t.title}</Heading1>
      <Paragraph>{t.intro}</Paragraph>
      {settings.status === 'error' && <ProblemAlert error={settings.error} />}
      {settings.status !== 'error' && !settings.value && <Paragraph>{nl.loading}</Paragraph>}
      {settings.value && (
        <>
          <Paragraph>{t.legalDeadline(settings.value.legalDeadlineWeeks)}</Paragraph>
          {settings.value.mayEdit ? (
            <SettingsForm current={settings.value} onSaved={settings.setValue} />
          ) : (
            <ReadOnlySettings current={settings.value} />
          )}
          <HomeboundSettingsHistory history={settings.value.history} />
        </>
      )}
    </>
  );
}

function ReadOnlySettings({ current }: { current: RegionHomeboundSettings }) {
  return (
    <>
      <Alert type="info">
        <Paragraph>{t.readOnly}</Paragraph>
      </Alert>
      <DataList className="ep-data-list">
        {FIELDS.map((f) => (
          <DataListItem key={f}>
            <DataListKey>{t.fields[f].label}</DataListKey>
            <DataListValue>{current[f]}</DataListValue>
          </DataListItem>
        ))}
      </DataList>
    </>
  );
}

type Inputs = Record<SettingField, string>;

function inputsOf(values: HomeboundSettingsValues): Inputs {
  return Object.fromEntries(FIELDS.map((f) => [f, String(values[f])])) as Inputs;
}

function SettingsForm({
  current,
  onSaved,
}: {
  current: RegionHomeboundSettings;
  onSaved: (value: RegionHomeboundSettings) => void;
}) {
  const [inputs, setInputs] = useState<Inputs>(() => inputsOf(current));
  const [reason, setReason] = useState('');
  const [errors, setErrors] = useState<SummaryItem[]>([]);
  const [failure, setFailure] = useState<ApiError | null>(null);
  const [notice, setNotice] = useState<'saved' | 'conflict' | null>(null);
  const [busy, setBusy] = useState(false);
  const noticeRef = useRef<HTMLDivElement>(null);
  const errorFor = (name: string) => errors.find((e) => e.fieldId === fieldId(name))?.message;

  async function onSubmit(event: SubmitEvent) {
    event.preventDefault();
    setFailure(null);
    setNotice(null);
    const found: SummaryItem[] = [];
    for (const f of FIELDS) {
      if (!/^\d+$/.test(inputs[f].trim()))
        found.push({ fieldId: fieldId(f), message: `${t.fields[f].label}: ${t.wholeNumber}` });
    }
    if (reason.trim() === '') found.push({ fieldId: fieldId('reason'), message: t.reasonRequired });
    setErrors(found);
    if (found.length > 0) return;
    const values = Object.fromEntries(
      FIELDS.map((f) => [f, Number(inputs[f])]),
    ) as unknown as HomeboundSettingsValues;
    setBusy(true);
    // The notice area takes focus after a save, a conflict or a failure; with field errors the
    // summary does (ErrorSummary focuses itself), so the two never compete.
    let focusNotice = true;
    try {
      const saved = await updateHomeboundSettings(current.version, { ...values, reason });
      setInputs(inputsOf(saved));
      setReason('');
      setNotice('saved');
      onSaved(saved);
    } catch (e) {
      if (isApiError(e, 'version-conflict')) {
        const latest = e.problem.current as RegionHomeboundSettings | undefined;
        setNotice('conflict');
        if (latest) {
          setInputs(inputsOf(latest));
          onSaved(latest);
        }
      } else if (isApiError(e, 'validation-failed')) {
        // The server names each field; show its Dutch reason at the field and in the summary.
        focusNotice = false;
        setErrors(
          e.errors.map((fe) => ({
            fieldId: fieldId(fe.name),
            message: FIELDS.includes(fe.name as SettingField)
              ? `${t.fields[fe.name as SettingField].label}: ${fe.reason}`
              : fe.reason,
          })),
        );
      } else if (isApiError(e)) {
        setFailure(e);
      }
    } finally {
      setBusy(false);
      if (focusNotice) requestAnimationFrame(() => noticeRef.current?.focus());
    }
  }

  return (
    <form className="ep-form" noValidate onSubmit={(e) => void onSubmit(e)}>
      {errors.length > 0 && <ErrorSummary title={t.errorHeading} items={errors} />}
      <div ref={noticeRef} tabIndex={-1} className="ep-focus-target">
        {notice === 'saved' && (
          <Alert type="ok">
            <Paragraph>{t.saved}</Paragraph>
          </Alert>
        )}
        {notice === 'conflict' && (
          <Alert type="warning">
            <Paragraph>{t.conflict}</Paragraph>
          </Alert>
        )}
        {failure && <ProblemAlert error={failure} />}
      </div>
      <Heading2>{t.formTitle}</Heading2>
      {FIELDS.map((f) => (
        <Field
          key={f}
          id={fieldId(f)}
          label={t.fields[f].label}
          hint={t.fields[f].hint}
          error={errorFor(f)}
        >
          {(control) => (
            <Textbox
              {...control}
              className="ep-threshold"
              inputMode="numeric"
              value={inputs[f]}
              invalid={errorFor(f) !== undefined}
              onChange={(e) => {
                setInputs({ ...inputs, [f]: e.target.value });
              }}
            />
          )}
        </Field>
      ))}
      <Field id={fieldId('reason')} label={t.reason} hint={t.reasonHint} error={errorFor('reason')}>
        {(control) => (
          <Textarea
            {...control}
            rows={3}
            value={reason}
            invalid={errorFor('reason') !== undefined}
            onChange={(e) => {
              setReason(e.target.value);
            }}
          />
        )}
      </Field>
      <div className="ep-actions">
        <PrimaryActionButton type="submit" busy={busy} disabled={busy}>
          {busy ? t.busy : t.submit}
        </PrimaryActionButton>
      </div>
    </form>
  );
}
