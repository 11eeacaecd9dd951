import { useState, type SubmitEvent } from 'react';
import {
  Checkbox,
  Fieldset,
  FieldsetLegend,
  FormFieldDescription,
  FormFieldErrorMessage,
  Heading2,
  Paragraph,
  PrimaryActionButton,
  Select,
  SelectOption,
  Textbox,
} from '@utrecht/component-library-react';
import { isApiError, type ApiError } from '../../api/client';
import { createUser } from '../../api/eenplan';
import type { NewUserAccount, Organisation, Role, UserAccount } from '../../api/types';
import { ErrorSummary } from '../../components/ErrorSummary';
import { Field } from '../../components/Field';
import { ProblemAlert } from '../../components/ProblemAlert';
import { nl } from '../../messages/nl';

type FieldName =
  'username' | 'displayName' | 'role' | 'organisationIds' | 'linkedSchoolIds' | 'password';
const FIELDS: FieldName[] = [
  'username',
  'displayName',
  'role',
  'organisationIds',
  'linkedSchoolIds',
  'password',
];
const fieldId = (name: FieldName) => `account-${name}`;

function message(code: string, reason: string): string {
  if (code === 'duplicate') return nl.accounts.duplicate;
  return nl.problem.field(code, reason);
}

interface Props {
  organisations: Organisation[];
  onCreated: (account: UserAccount) => void;
}

/** "Account toevoegen": server field errors next to the fields plus a focused summary. */
export function AccountForm({ organisations, onCreated }: Props) {
  const [role, setRole] = useState<Role | ''>('');
  const [orgIds, setOrgIds] = useState<string[]>([]);
  const [schoolIds, setSchoolIds] = useState<string[]>([]);
  const [errors, setErrors] = useState<Partial<Record<FieldName, string>>>({});
  const [formError, setFormError] = useState<ApiError | null>(null);
  const [busy, setBusy] = useState(false);
  const [formKey, setFormKey] = useState(0);

  const schools = organisations.filter((o) => o.kind === 'school');
  const groups = nl.options.organisationKinds
    .map(([kind, label]) => ({ kind, label, items: organisations.filter((o) => o.kind === kind) }))
    .filter((g) => g.items.length > 0);
  const consultant = role === 'swv_consultant';

  function toggle(list: string[], id: string, on: boolean): string[] {
    return on ? [...list, id] : list.filter((x) => x !== id);
  }

  async function onSubmit(event: SubmitEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    const text = (name: string) => {
      const v = form.get(name);
      return typeof v === 'string' ? v : '';
    };
    const body: NewUserAccount = {
      username: text('username').trim(),
      displayName: text('displayName').trim(),
      role,
      password: text('password'),
      organisationIds: orgIds,
      ...(consultant && { linkedSchoolIds: schoolIds }),
    };
    setBusy(true);
    setFormError(null);
    try {
      const created = await createUser(body);
      setErrors({});
      setRole('');
      setOrgIds([]);
      setSchoolIds([]);
      setFormKey((k) => k + 1);
      onCreated(created);
    } catch (error) {
      if (isApiError(error, 'validation-failed') && error.errors.length > 0) {
        const next: Partial<Record<FieldName, string>> = {};
        for (const e of error.errors) {
          const name = FIELDS.find((f) => f === e.name);
          if (name !== undefined && next[name] === undefined)
            next[name] = message(e.code, e.reason);
        }
        if (Object.keys(next).length === 0) setFormError(error);
        setErrors(next);
      } else if (isApiError(error)) {
        setErrors({});
        setFormError(error);
      } else throw error;
    } finally {
      setBusy(false);
    }
  }

  const summary = FIELDS.flatMap((name) => {
    const msg = errors[name];
    return msg === undefined ? [] : [{ fieldId: fieldId(name), message: `${label(name)}: ${msg}` }];
  });

  return (
    <section aria-labelledby="account-form-heading" className="ep-section">
      <Heading2 id="account-form-heading">{nl.accounts.add}</Heading2>
      <Paragraph>{nl.accounts.addIntro}</Paragraph>
      {summary.length > 0 && (
        <ErrorSummary title={nl.edit.errorSummary(summary.length)} items={summary} />
      )}
      {formError && <ProblemAlert error={formError} />}
      <form
        key={formKey}
        noValidate
        className="ep-account-form"
        onSubmit={(e) => {
          void onSubmit(e);
        }}
      >
        <Field
          id={fieldId('username')}
          label={nl.accounts.username}
          hint={nl.accounts.usernameHint}
          error={errors.username}
        >
          {(c) => <Textbox {...c} name="username" autoComplete="off" spellCheck={false} />}
        </Field>
        <Field
          id={fieldId('displayName')}
          label={nl.accounts.displayName}
          error={errors.displayName}
        >
          {(c) => <Textbox {...c} name="displayName" autoComplete="off" />}
        </Field>
        <Field id={fieldId('role')} label={nl.accounts.role} error={errors.role}>
          {(c) => (
            <Select
              {...c}
              name="role"
              value={role}
              onChange={(e) => {
                setRole(e.currentTarget.value as Role | '');
              }}
            >
              <SelectOption value="">{nl.accounts.chooseRole}</SelectOption>
              {nl.options.roles.map(([value, text]) => (
                <SelectOption key={value} value={value}>
                  {text}
                </SelectOption>
              ))}
            </Select>
          )}
        </Field>

        <CheckboxGroup
          name="organisationIds"
          legend={nl.accounts.organisations}
          hint={nl.accounts.organisationsHint}
          error={errors.organisationIds}
          groups={groups}
          selected={orgIds}
          onToggle={(id, on) => {
            setOrgIds((list) => toggle(list, id, on));
          }}
        />

        {consultant && (
          <CheckboxGroup
            name="linkedSchoolIds"
            legend={nl.accounts.linkedSchools}
            hint={nl.accounts.linkedSchoolsHint}
            error={errors.linkedSchoolIds}
            groups={[{ kind: 'school', label: '', items: schools }]}
            selected={schoolIds}
            onToggle={(id, on) => {
              setSchoolIds((list) => toggle(list, id, on));
            }}
          />
        )}

        <Field
          id={fieldId('password')}
          label={nl.accounts.password}
          hint={nl.accounts.passwordHint}
          error={errors.password}
        >
          {(c) => <Textbox {...c} name="password" type="password" autoComplete="new-password" />}
        </Field>
        <PrimaryActionButton type="submit" disabled={busy}>
          {busy ? nl.accounts.busy : nl.accounts.submit}
        </PrimaryActionButton>
      </form>
    </section>
  );
}

function label(name: FieldName): string {
  switch (name) {
    case 'username':
      return nl.accounts.username;
    case 'displayName':
      return nl.accounts.displayName;
    case 'role':
      return nl.accounts.role;
    case 'organisationIds':
      return nl.accounts.organisations;
    case 'linkedSchoolIds':
      return nl.accounts.linkedSchools;
    case 'password':
      return nl.accounts.password;
  }
}

interface GroupProps {
  name: FieldName;
  legend: string;
  hint: string;
  error: string | undefined;
  groups: { kind: string; label: string; items: Organisation[] }[];
  selected: string[];
  onToggle: (id: string, on: boolean) => void;
}

/** A checkbox list in a fieldset; the first box carries the field id the error summary links to. */
function CheckboxGroup({ name, legend, hint, error, groups, selected, onToggle }: GroupProps) {
  const id = fieldId(name);
  const describedBy = [error === undefined ? '' : `${id}-error`, `${id}-hint`]
    .filter(Boolean)
    .join(' ');
  const firstId = groups[0]?.items[0]?.id;
  return (
    <Fieldset
      className="ep-checkbox-group"
      invalid={error !== undefined}
      aria-describedby={describedBy}
    >
      <FieldsetLegend>{legend}</FieldsetLegend>
      <FormFieldDescription id={`${id}-hint`}>{hint}</FormFieldDescription>
      {error !== undefined && (
        <FormFieldErrorMessage id={`${id}-error`}>{error}</FormFieldErrorMessage>
      )}
      {groups.map((group) => (
        <div key={group.kind} className="ep-checkbox-group__group">
          {group.label !== '' && <p className="ep-checkbox-group__kind">{group.label}</p>}
          <ul className="ep-checkbox-list">
            {group.items.map((org) => {
              const boxId = org.id === firstId ? id : `${id}-${org.id}`;
              return (
                <li key={org.id} className="ep-checkbox-list__item">
                  <Checkbox
                    id={boxId}
                    name={name}
                    value={org.id}
                    checked={selected.includes(org.id)}
                    invalid={error !== undefined}
                    onChange={(e) => {
                      onToggle(org.id, e.currentTarget.checked);
                    }}
                  />
                  <label
                    htmlFor={boxId}
                    className="utrecht-form-label utrecht-form-label--checkbox"
                  >
                    {org.name}
                  </label>
                </li>
              );
            })}
          </ul>
        </div>
      ))}
    </Fieldset>
  );
}
