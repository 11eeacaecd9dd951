// What can be done with an arrangement besides route 1: its return plan, start, extension, ending.
import { useState, type ReactNode, type SubmitEvent } from 'react';
import {
  Heading3,
  PrimaryActionButton,
  Select,
  SelectOption,
  Textarea,
  Textbox,
} from '@utrecht/component-library-react';
import { isApiError, type ApiError } from '../../api/client';
import {
  arrangementAction,
  patchArrangement,
  type Arrangement,
  type DestinationKind,
} from '../../api/trajectory';
import { Field } from '../../components/Field';
import { nlTrajectory } from '../../messages/nl-trajectory';
import { RefusalAlert, todayIso } from '../provisions/trajectoryUi';

const t = nlTrajectory.arrangement;

type Done = (a: Arrangement, message: string) => void;

/** A small form that sends one request and reports a refusal in Dutch. */
function ActionForm({
  title,
  submitLabel,
  send,
  children,
}: {
  title: string;
  submitLabel: string;
  send: () => Promise<void>;
  children?: ReactNode;
}) {
  const [failure, setFailure] = useState<ApiError | null>(null);
  const [busy, setBusy] = useState(false);
  async function submit(event: SubmitEvent<HTMLFormElement>) {
    event.preventDefault();
    setFailure(null);
    setBusy(true);
    try {
      await send();
    } catch (e) {
      if (isApiError(e)) setFailure(e);
    } finally {
      setBusy(false);
    }
  }
  return (
    <form noValidate onSubmit={(e) => void submit(e)}>
      <Heading3>{title}</Heading3>
      {failure && <RefusalAlert error={failure} />}
      {children}
      <PrimaryActionButton type="submit" disabled={busy}>
        {submitLabel}
      </PrimaryActionButton>
    </form>
  );
}

function TextField(props: {
  id: string;
  label: string;
  value: string;
  onChange: (v: string) => void;
  type?: 'date' | 'text';
  hint?: string;
  multiline?: boolean;
}) {
  return (
    <Field id={props.id} label={props.label} hint={props.hint}>
      {(control) =>
        props.multiline ? (
          <Textarea
            {...control}
            value={props.value}
            onChange={(e) => {
              props.onChange(e.target.value);
            }}
          />
        ) : (
          <Textbox
            {...control}
            type={props.type ?? 'text'}
            value={props.value}
            onChange={(e) => {
              props.onChange(e.target.value);
            }}
          />
        )
      }
    </Field>
  );
}

export function ArrangementActions({
  arrangement: a,
  onDone,
}: {
  arrangement: Arrangement;
  onDone: Done;
}) {
  const [plan, setPlan] = useState(a.returnPlan?.steps ?? '');
  const [newEnd, setNewEnd] = useState('');
  const [reason, setReason] = useState('');
  const [decidedBy, setDecidedBy] = useState('');
  const [endDate, setEndDate] = useState(todayIso());
  const [destination, setDestination] = useState<DestinationKind>('return_to_home_school');
  const [endReason, setEndReason] = useState('');
  const id = (name: string) => `arrangement-${a.id}-${name}`;

  if (a.status === 'ended') return null;
  return (
    <>
      <ActionForm
        title={t.returnPlan}
        submitLabel={t.saveReturnPlan}
        send={async () => {
          onDone(
            await patchArrangement(a, {
              returnPlan: {
                kind: 'return_to_home_school',
                receivingSchoolId: a.homeSchoolId,
                steps: plan,
              },
            }),
            t.returnPlan,
          );
        }}
      >
        <TextField
          id={id('return-plan')}
          label={t.returnPlan}
          hint={t.returnPlanHint}
          value={plan}
          onChange={setPlan}
          multiline
        />
      </ActionForm>
      {a.status === 'draft' && (
        <ActionForm
          title={t.startButton}
          submitLabel={t.startButton}
          send={async () => {
            onDone(await arrangementAction(a, 'start'), t.started);
          }}
        />
      )}
      {a.status === 'active' && (
        <>
          <ActionForm
            title={t.extendTitle}
            submitLabel={t.extend}
            send={async () => {
              onDone(
                await arrangementAction(a, 'extensions', {
                  newEnd,
                  reason,
                  decidedBy,
                  decidedOn: todayIso(),
                }),
                t.extended,
              );
            }}
          >
            <TextField
              id={id('new-end')}
              label={t.newEnd}
              type="date"
              value={newEnd}
              onChange={setNewEnd}
            />
            <TextField
              id={id('extend-reason')}
              label={t.reason}
              value={reason}
              onChange={setReason}
              multiline
            />
            <TextField
              id={id('decided-by')}
              label={t.decidedBy}
              value={decidedBy}
              onChange={setDecidedBy}
            />
          </ActionForm>
          <ActionForm
            title={t.endTitle}
            submitLabel={t.endButton}
            send={async () => {
              onDone(
                await arrangementAction(a, 'ending', {
                  date: endDate,
                  destination,
                  reason: endReason,
                }),
                t.ended,
              );
            }}
          >
            <TextField
              id={id('end-date')}
              label={t.endDate}
              type="date"
              value={endDate}
              onChange={setEndDate}
            />
            <Field id={id('destination')} label={t.destination}>
              {(control) => (
                <Select
                  {...control}
                  value={destination}
                  onChange={(e) => {
                    setDestination(e.target.value as DestinationKind);
                  }}
                >
                  {(Object.keys(t.destinations) as DestinationKind[]).map((d) => (
                    <SelectOption key={d} value={d}>
                      {t.destinations[d]}
                    </SelectOption>
                  ))}
                </Select>
              )}
            </Field>
            <TextField
              id={id('end-reason')}
              label={t.reason}
              value={endReason}
              onChange={setEndReason}
              multiline
            />
          </ActionForm>
        </>
      )}
    </>
  );
}
