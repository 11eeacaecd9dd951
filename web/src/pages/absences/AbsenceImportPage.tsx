import { useRef, useState, type SubmitEvent } from 'react';
import {
  Alert,
  Heading1,
  Heading2,
  Paragraph,
  PrimaryActionButton,
  Select,
  SelectOption,
  Table,
  TableBody,
  TableCaption,
  TableCell,
  TableHeader,
  TableHeaderCell,
  TableRow,
} from '@utrecht/component-library-react';
import {
  importAbsences,
  type AbsenceImportLayout,
  type AbsenceImportReport,
  type ImportLineError,
} from '../../api/absences';
import { isApiError, type ApiError } from '../../api/client';
import { SchoolPicker, useMySchools } from '../../components/SchoolPicker';
import { Field } from '../../components/Field';
import { ProblemAlert } from '../../components/ProblemAlert';
import { nl } from '../../messages/nl';
import { useDocumentTitle } from '../../useDocumentTitle';
import '../../styles/verzuim.css';

const t = nl.absences.importPage;
const MAX_BYTES = 64 * 1024 * 1024;

interface Rejection {
  errorCount: number;
  errors: ImportLineError[];
}

/** The lines of an `import-rejected` problem (kept loose: the body is user-facing data). */
function rejectionOf(error: ApiError): Rejection {
  const problem = error.problem as { errorCount?: unknown; errors?: unknown };
  const errors = Array.isArray(problem.errors) ? (problem.errors as ImportLineError[]) : [];
  const count = typeof problem.errorCount === 'number' ? problem.errorCount : errors.length;
  return { errorCount: count, errors };
}

export function AbsenceImportPage() {
  useDocumentTitle(t.title);
  const { schools, school, setSchoolId } = useMySchools();
  const schoolId = school?.id ?? '';
  const [layout, setLayout] = useState<AbsenceImportLayout | ''>('');
  const [fileError, setFileError] = useState<string | undefined>();
  const [report, setReport] = useState<AbsenceImportReport | null>(null);
  const [rejection, setRejection] = useState<Rejection | null>(null);
  const [failure, setFailure] = useState<ApiError | null>(null);
  const [busy, setBusy] = useState(false);
  const fileRef = useRef<HTMLInputElement>(null);
  const outcomeRef = useRef<HTMLDivElement>(null);

  async function onSubmit(event: SubmitEvent) {
    event.preventDefault();
    setReport(null);
    setRejection(null);
    setFailure(null);
    const file = fileRef.current?.files?.[0];
    const problem =
      file === undefined ? t.fileRequired : file.size > MAX_BYTES ? t.fileTooLarge : undefined;
    setFileError(problem);
    if (problem !== undefined || file === undefined) {
      fileRef.current?.focus();
      return;
    }
    setBusy(true);
    try {
      setReport(await importAbsences(schoolId, file, layout));
      if (fileRef.current) fileRef.current.value = '';
    } catch (e) {
      if (isApiError(e, 'import-rejected')) setRejection(rejectionOf(e));
      else if (isApiError(e, 'body-too-large')) setFileError(t.fileTooLarge);
      else if (isApiError(e)) setFailure(e);
    } finally {
      setBusy(false);
      requestAnimationFrame(() => outcomeRef.current?.focus());
    }
  }

  if (schools.length === 0) {
    return (
      <>
        <Heading1>{t.title}</Heading1>
        <Alert type="info">
          <Paragraph>{t.noSchool}</Paragraph>
        </Alert>
      </>
    );
  }

  return (
    <>
      <Heading1>{t.title}</Heading1>
      <Paragraph>{t.intro}</Paragraph>

      <form className="ep-form" noValidate onSubmit={(e) => void onSubmit(e)}>
        <SchoolPicker
          id="import-school"
          label={t.school}
          schools={schools}
          value={schoolId}
          onChange={setSchoolId}
        />
        <Field id="import-file" label={t.file} hint={t.fileHint} error={fileError}>
          {(control) => (
            <input
              {...control}
              ref={fileRef}
              type="file"
              accept=".csv,text/csv"
              className="utrecht-textbox"
              onChange={() => {
                setFileError(undefined);
              }}
            />
          )}
        </Field>
        <Field id="import-layout" label={t.layout}>
          {(control) => (
            <Select
              {...control}
              value={layout}
              onChange={(e) => {
                setLayout(e.target.value as AbsenceImportLayout | '');
              }}
            >
              <SelectOption value="">{t.layoutAuto}</SelectOption>
              {nl.absences.layouts.map(([value, label]) => (
                <SelectOption key={value} value={value}>
                  {label}
                </SelectOption>
              ))}
            </Select>
          )}
        </Field>
        <div className="ep-actions">
          <PrimaryActionButton type="submit" busy={busy} disabled={busy}>
            {busy ? t.busy : t.submit}
          </PrimaryActionButton>
        </div>
      </form>

      <div ref={outcomeRef} tabIndex={-1} className="ep-focus-target">
        {failure && <ProblemAlert error={failure} />}
        {report && (
          <Alert type="ok">
            <Heading2>{t.doneHeading}</Heading2>
            <Paragraph>{t.done(report.rowsRead, report.rowsAdded)}</Paragraph>
            <Paragraph>{t.signals(report.signalsCreated)}</Paragraph>
          </Alert>
        )}
        {rejection && (
          <>
            <Alert type="error">
              <Heading2>{t.rejectedHeading}</Heading2>
              <Paragraph>{t.rejected(rejection.errorCount)}</Paragraph>
              {rejection.errors.length < rejection.errorCount && (
                <Paragraph>{t.moreErrors(rejection.errors.length, rejection.errorCount)}</Paragraph>
              )}
            </Alert>
            <div className="ep-table-scroll">
              <Table className="ep-table">
                <TableCaption>{t.errorsCaption}</TableCaption>
                <TableHeader>
                  <TableRow>
                    <TableHeaderCell scope="col">{t.col.line}</TableHeaderCell>
                    <TableHeaderCell scope="col">{t.col.column}</TableHeaderCell>
                    <TableHeaderCell scope="col">{t.col.message}</TableHeaderCell>
                  </TableRow>
                </TableHeader>
                <TableBody>
                  {rejection.errors.map((err, i) => (
                    <TableRow key={`${err.line}-${err.column}-${i}`}>
                      <TableHeaderCell scope="row">{err.line}</TableHeaderCell>
                      <TableCell>{err.column || '–'}</TableCell>
                      <TableCell>{err.message}</TableCell>
                    </TableRow>
                  ))}
                </TableBody>
              </Table>
            </div>
          </>
        )}
      </div>
    </>
  );
}
