import { useState, type SubmitEvent } from 'react';
import {
  Heading3,
  Paragraph,
  PrimaryActionButton,
  SecondaryActionButton,
  Textarea,
} from '@utrecht/component-library-react';
import {
  endProtocolExemption,
  getProtocolExemption,
  setProtocolExemption,
} from '../../api/absences';
import { isApiError, type ApiError } from '../../api/client';
import { Field } from '../../components/Field';
import { ProblemAlert } from '../../components/ProblemAlert';
import { formatDateTime } from '../../format';
import { nl } from '../../messages/nl';
import { useLoad } from '../../useLoad';

const t = nl.absences.exemption;

/**
 * "Expertisepunt": whether the core team took the pupil out of the school's standard verzuim
 * protocol, and (for the coordinator or SWV consultant) the decision itself. The legal reporting
 * duty keeps applying either way, so the text says so.
 */
export function ProtocolExemptionPanel({
  pupilId,
  canDecide,
}: {
  pupilId: string;
  canDecide: boolean;
}) {
  const exemption = useLoad(() => getProtocolExemption(pupilId), [pupilId]);
  const [reason, setReason] = useState('');
  const [reasonError, setReasonError] = useState<string | undefined>();
  const [formError, setFormError] = useState<ApiError | null>(null);
  const [busy, setBusy] = useState(false);
  // The decision is rare; the form opens on request so the verzuim overview stays calm.
  const [open, setOpen] = useState(false);

  async function onSet(event: SubmitEvent) {
    event.preventDefault();
    setFormError(null);
    if (reason.trim() === '') {
      setReasonError(t.reasonRequired);
      document.getElementById('exemption-reason')?.focus();
      return;
    }
    setReasonError(undefined);
    setBusy(true);
    try {
      exemption.setValue(await setProtocolExemption(pupilId, reason.trim()));
      setReason('');
      setOpen(false);
    } catch (e) {
      if (isApiError(e, 'validation-failed')) {
        setReasonError(e.errors[0]?.reason ?? t.reasonRequired);
      } else if (isApiError(e)) {
        setFormError(e);
      }
    } finally {
      setBusy(false);
    }
  }

  async function onEnd() {
    setFormError(null);
    setBusy(true);
    try {
      await endProtocolExemption(pupilId);
      exemption.setValue(null);
    } catch (e) {
      if (isApiError(e)) setFormError(e);
    } finally {
      setBusy(false);
    }
  }

  if (exemption.status === 'error') return <ProblemAlert error={exemption.error} />;
  if (exemption.value === undefined) return null;
  const current = exemption.value;

  return (
    <div className="ep-panel">
      <Heading3>{t.heading}</Heading3>
      {formError && <ProblemAlert error={formError} />}
      {current === null ? (
        <Paragraph>{t.standard}</Paragraph>
      ) : (
        <>
          <Paragraph>{t.exempt(current.decidedBy, formatDateTime(current.decidedAt))}</Paragraph>
          <Paragraph>
            <strong>{t.reasonLabel}:</strong> {current.reason}
          </Paragraph>
        </>
      )}
      {canDecide && current === null && !open && (
        <div className="ep-actions">
          <SecondaryActionButton
            type="button"
            onClick={() => {
              setOpen(true);
              requestAnimationFrame(() => document.getElementById('exemption-reason')?.focus());
            }}
          >
            {t.set}
          </SecondaryActionButton>
        </div>
      )}
      {canDecide && current === null && open && (
        <form className="ep-form" noValidate onSubmit={(e) => void onSet(e)}>
          <Field id="exemption-reason" label={t.reason} hint={t.reasonHint} error={reasonError}>
            {(control) => (
              <Textarea
                {...control}
                rows={3}
                maxLength={2000}
                value={reason}
                invalid={reasonError !== undefined}
                onChange={(e) => {
                  setReason(e.target.value);
                }}
              />
            )}
          </Field>
          <div className="ep-actions">
            <PrimaryActionButton type="submit" busy={busy} disabled={busy}>
              {busy ? t.busy : t.set}
            </PrimaryActionButton>
          </div>
        </form>
      )}
      {canDecide && current !== null && (
        <div className="ep-actions">
          <SecondaryActionButton
            type="button"
            busy={busy}
            disabled={busy}
            onClick={() => void onEnd()}
          >
            {busy ? t.busy : t.end}
          </SecondaryActionButton>
        </div>
      )}
    </div>
  );
}
