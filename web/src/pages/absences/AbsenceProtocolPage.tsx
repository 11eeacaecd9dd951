import { useRef, useState, type SubmitEvent } from 'react';
import {
  Alert,
  Checkbox,
  Heading1,
  Paragraph,
  PrimaryActionButton,
  Table,
  TableBody,
  TableCaption,
  TableCell,
  TableHeader,
  TableHeaderCell,
  TableRow,
  Textbox,
} from '@utrecht/component-library-react';
import {
  getAbsenceProtocol,
  updateAbsenceProtocol,
  type AbsenceProtocol,
  type ProtocolRule,
} from '../../api/absences';
import { isApiError, type ApiError } from '../../api/client';
import { SchoolPicker, useMySchools } from '../../components/SchoolPicker';
import { ErrorSummary, type SummaryItem } from '../../components/ErrorSummary';
import { ProblemAlert } from '../../components/ProblemAlert';
import { nl } from '../../messages/nl';
import { useDocumentTitle } from '../../useDocumentTitle';
import { useLoad } from '../../useLoad';
import '../../styles/verzuim.css';

const t = nl.absences.protocolPage;

interface RuleInput {
  enabled: boolean;
  threshold: string;
}

function inputsOf(protocol: AbsenceProtocol): Record<string, RuleInput> {
  return Object.fromEntries(
    protocol.rules.map((r) => [r.code, { enabled: r.enabled, threshold: String(r.threshold) }]),
  );
}

export function AbsenceProtocolPage() {
  useDocumentTitle(t.title);
  const { schools, school, setSchoolId } = useMySchools();
  const schoolId = school?.id ?? '';

  return (
    <>
      <Heading1>{t.title}</Heading1>
      <Paragraph>{t.intro}</Paragraph>
      {schools.length === 0 && (
        <Alert type="info">
          <Paragraph>{nl.absences.importPage.noSchool}</Paragraph>
        </Alert>
      )}
      <SchoolPicker
        id="protocol-school"
        label={t.school}
        schools={schools}
        value={schoolId}
        onChange={setSchoolId}
      />
      {schoolId !== '' && <ProtocolForm key={schoolId} schoolId={schoolId} />}
    </>
  );
}

function ProtocolForm({ schoolId }: { schoolId: string }) {
  const protocol = useLoad(() => getAbsenceProtocol(schoolId), [schoolId]);
  const [inputs, setInputs] = useState<Record<string, RuleInput> | null>(null);
  const [errors, setErrors] = useState<SummaryItem[]>([]);
  const [failure, setFailure] = useState<ApiError | null>(null);
  const [notice, setNotice] = useState<'saved' | 'conflict' | null>(null);
  const [busy, setBusy] = useState(false);
  const noticeRef = useRef<HTMLDivElement>(null);

  if (protocol.status === 'error') return <ProblemAlert error={protocol.error} />;
  const current = protocol.value;
  if (!current) return <Paragraph>{nl.loading}</Paragraph>;
  const values = inputs ?? inputsOf(current);

  const update = (code: string, change: Partial<RuleInput>) => {
    const before = values[code] ?? { enabled: true, threshold: '1' };
    setInputs({ ...values, [code]: { ...before, ...change } });
    setNotice(null);
  };

  const errorFor = (code: string) => errors.find((e) => e.fieldId === `threshold-${code}`)?.message;

  async function onSubmit(event: SubmitEvent, base: AbsenceProtocol) {
    event.preventDefault();
    setFailure(null);
    setNotice(null);
    const found: SummaryItem[] = [];
    const rules = base.rules.map((rule: ProtocolRule) => {
      const input = values[rule.code] ?? {
        enabled: rule.enabled,
        threshold: String(rule.threshold),
      };
      const threshold = Number(input.threshold);
      if (!/^\d+$/.test(input.threshold.trim()) || threshold < 1 || threshold > 1000) {
        found.push({
          fieldId: `threshold-${rule.code}`,
          message: `${nl.absences.rule(rule.code)}: ${t.thresholdInvalid}`,
        });
      }
      return { code: rule.code, enabled: rule.legal || input.enabled, threshold };
    });
    setErrors(found);
    if (found.length > 0) return;
    setBusy(true);
    try {
      const saved = await updateAbsenceProtocol(schoolId, base.version, rules);
      protocol.setValue(saved);
      setInputs(null);
      setNotice('saved');
    } catch (e) {
      if (isApiError(e, 'version-conflict')) {
        // Show the protocol as it is now; the user's unsaved inputs are dropped on purpose, the
        // message says so and they can redo the change on the current settings.
        const latest = e.problem.current as AbsenceProtocol | undefined;
        if (latest) protocol.setValue(latest);
        else protocol.reload();
        setInputs(null);
        setNotice('conflict');
      } else if (isApiError(e)) {
        setFailure(e);
      }
    } finally {
      setBusy(false);
      requestAnimationFrame(() => noticeRef.current?.focus());
    }
  }

  return (
    <form className="ep-form" noValidate onSubmit={(e) => void onSubmit(e, current)}>
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
      <div className="ep-table-scroll">
        <Table className="ep-table">
          <TableCaption>{t.caption}</TableCaption>
          <TableHeader>
            <TableRow>
              <TableHeaderCell scope="col">{t.col.rule}</TableHeaderCell>
              <TableHeaderCell scope="col">{t.col.threshold}</TableHeaderCell>
              <TableHeaderCell scope="col">{t.col.enabled}</TableHeaderCell>
              <TableHeaderCell scope="col">{t.col.recipient}</TableHeaderCell>
            </TableRow>
          </TableHeader>
          <TableBody>
            {current.rules.map((rule) => {
              const input = values[rule.code] ?? {
                enabled: rule.enabled,
                threshold: String(rule.threshold),
              };
              const name = nl.absences.rule(rule.code);
              const fixedThreshold = rule.kind === 'luxeverzuim';
              return (
                <TableRow key={rule.code}>
                  <TableHeaderCell scope="row">
                    <span className="ep-rule-name">{name}</span>
                    <br />
                    <span className="ep-hint">{rule.description}</span>
                  </TableHeaderCell>
                  <TableCell>
                    {fixedThreshold ? (
                      rule.threshold
                    ) : (
                      <>
                        <label htmlFor={`threshold-${rule.code}`} className="ep-visually-hidden">
                          {t.thresholdLabel(name)}
                        </label>
                        <Textbox
                          id={`threshold-${rule.code}`}
                          className="ep-threshold"
                          inputMode="numeric"
                          value={input.threshold}
                          invalid={errorFor(rule.code) !== undefined}
                          aria-invalid={errorFor(rule.code) !== undefined ? true : undefined}
                          onChange={(e) => {
                            update(rule.code, { threshold: e.target.value });
                          }}
                        />
                      </>
                    )}
                  </TableCell>
                  <TableCell>
                    {rule.legal ? (
                      <span className="ep-badge">{t.legal}</span>
                    ) : (
                      <span className="ep-checkbox-list__item">
                        <Checkbox
                          id={`enabled-${rule.code}`}
                          checked={input.enabled}
                          onChange={(e) => {
                            update(rule.code, { enabled: e.currentTarget.checked });
                          }}
                        />
                        <label htmlFor={`enabled-${rule.code}`} className="ep-visually-hidden">
                          {t.enabledLabel(name)}
                        </label>
                      </span>
                    )}
                  </TableCell>
                  <TableCell>{nl.absences.recipient(rule.recipient)}</TableCell>
                </TableRow>
              );
            })}
          </TableBody>
        </Table>
      </div>
      <div className="ep-actions">
        <PrimaryActionButton type="submit" busy={busy} disabled={busy}>
          {busy ? t.busy : t.submit}
        </PrimaryActionButton>
      </div>
    </form>
  );
}
