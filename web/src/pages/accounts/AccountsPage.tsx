import { useEffect, useRef, useState, type SubmitEvent } from 'react';
import { useSearchParams } from 'react-router';
import {
  Alert,
  Heading1,
  Heading2,
  Paragraph,
  PrimaryActionButton,
  SecondaryActionButton,
  Select,
  SelectOption,
  Table,
  TableBody,
  TableCaption,
  TableCell,
  TableHeader,
  TableHeaderCell,
  TableRow,
  Textbox,
} from '@utrecht/component-library-react';
import { isApiError, type ApiError } from '../../api/client';
import { listOrganisations, listUsers, patchUser, setUserPassword } from '../../api/eenplan';
import type { Role, UserAccount } from '../../api/types';
import { Field } from '../../components/Field';
import { ProblemAlert } from '../../components/ProblemAlert';
import { RouterLink } from '../../components/RouterLink';
import { nl } from '../../messages/nl';
import { useDocumentTitle } from '../../useDocumentTitle';
import { useLoad } from '../../useLoad';
import { AccountForm } from './AccountForm';

const ROLES = new Set<string>(nl.options.roles.map(([value]) => value));

type Notice = { type: 'ok' | 'warning' | 'error'; text: string } | null;

export function AccountsPage() {
  useDocumentTitle(nl.accounts.title);
  const [params, setParams] = useSearchParams();
  const q = params.get('q') ?? '';
  const roleParam = params.get('role') ?? '';
  const role = (ROLES.has(roleParam) ? roleParam : '') as Role | '';

  const users = useLoad(() => listUsers(q, role), [q, role]);
  const organisations = useLoad(() => listOrganisations(), []);
  const [notice, setNotice] = useState<Notice>(null);
  const [actionError, setActionError] = useState<ApiError | null>(null);
  const [passwordFor, setPasswordFor] = useState<UserAccount | null>(null);
  const [busyId, setBusyId] = useState<string | null>(null);
  const noticeRef = useRef<HTMLDivElement>(null);

  useEffect(() => {
    if (notice !== null) noticeRef.current?.focus();
  }, [notice]);

  function onFilter(event: SubmitEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    const next = new URLSearchParams();
    for (const name of ['q', 'role']) {
      const value = form.get(name);
      if (typeof value === 'string' && value.trim() !== '') next.set(name, value.trim());
    }
    setParams(next);
  }

  async function toggleDisabled(account: UserAccount) {
    const disable = !account.disabled;
    setBusyId(account.id);
    setActionError(null);
    try {
      await patchUser(account.id, account.version, { disabled: disable });
      setNotice({
        type: 'ok',
        text: disable
          ? nl.accounts.disabledDone(account.displayName)
          : nl.accounts.enabledDone(account.displayName),
      });
      users.reload();
    } catch (error) {
      if (isApiError(error, 'version-conflict')) {
        setNotice({ type: 'warning', text: nl.accounts.conflict(account.displayName) });
        users.reload();
      } else if (isApiError(error, 'validation-failed')) {
        setNotice({ type: 'error', text: nl.accounts.cannotDisableSelf });
      } else if (isApiError(error)) {
        setNotice(null);
        setActionError(error);
      } else throw error;
    } finally {
      setBusyId(null);
    }
  }

  const filtered = q !== '' || role !== '';
  const list = users.value;

  return (
    <>
      <Heading1>{nl.accounts.title}</Heading1>
      <Paragraph>{nl.accounts.intro}</Paragraph>

      <div aria-live="polite">
        {notice && (
          <div ref={noticeRef} tabIndex={-1} className="ep-focus-target">
            <Alert type={notice.type}>
              <Paragraph>{notice.text}</Paragraph>
            </Alert>
          </div>
        )}
      </div>
      {actionError && <ProblemAlert error={actionError} />}

      <form
        key={params.toString()}
        className="ep-filters"
        role="search"
        aria-label={nl.accounts.filters}
        onSubmit={onFilter}
      >
        <Field id="accounts-q" label={nl.accounts.search}>
          {(c) => <Textbox {...c} name="q" type="search" defaultValue={q} />}
        </Field>
        <Field id="accounts-role" label={nl.accounts.role}>
          {(c) => (
            <Select {...c} name="role" defaultValue={role}>
              <SelectOption value="">{nl.accounts.allRoles}</SelectOption>
              {nl.options.roles.map(([value, text]) => (
                <SelectOption key={value} value={value}>
                  {text}
                </SelectOption>
              ))}
            </Select>
          )}
        </Field>
        <div className="ep-filters__actions">
          <PrimaryActionButton type="submit">{nl.accounts.apply}</PrimaryActionButton>
          {filtered && <RouterLink to="/beheer/accounts">{nl.accounts.reset}</RouterLink>}
        </div>
      </form>

      {users.status === 'error' && <ProblemAlert error={users.error} />}

      <Paragraph className="ep-result-count" aria-live="polite">
        {list ? nl.accounts.total(list.length) : nl.loading}
      </Paragraph>

      {list && list.length === 0 && (
        <Alert type="info">
          <Paragraph>{filtered ? nl.accounts.emptyFiltered : nl.accounts.empty}</Paragraph>
        </Alert>
      )}

      {list && list.length > 0 && (
        <div className="ep-table-scroll">
          <Table className="ep-table" busy={users.status === 'loading'}>
            <TableCaption>{nl.accounts.caption}</TableCaption>
            <TableHeader>
              <TableRow>
                <TableHeaderCell scope="col">{nl.accounts.col.name}</TableHeaderCell>
                <TableHeaderCell scope="col">{nl.accounts.col.username}</TableHeaderCell>
                <TableHeaderCell scope="col">{nl.accounts.col.role}</TableHeaderCell>
                <TableHeaderCell scope="col">{nl.accounts.col.organisations}</TableHeaderCell>
                <TableHeaderCell scope="col">{nl.accounts.col.status}</TableHeaderCell>
                <TableHeaderCell scope="col">{nl.accounts.col.actions}</TableHeaderCell>
              </TableRow>
            </TableHeader>
            <TableBody>
              {list.map((account) => {
                const action = account.disabled ? nl.accounts.enable : nl.accounts.disable;
                return (
                  <TableRow key={account.id}>
                    <TableHeaderCell scope="row">{account.displayName}</TableHeaderCell>
                    <TableCell>{account.username}</TableCell>
                    <TableCell>{nl.label.role(account.role)}</TableCell>
                    <TableCell>
                      {account.organisations.length > 0
                        ? account.organisations.map((o) => o.name).join(', ')
                        : nl.accounts.none}
                    </TableCell>
                    <TableCell>
                      {account.disabled ? nl.accounts.disabled : nl.accounts.active}
                    </TableCell>
                    <TableCell>
                      <div className="ep-row-actions">
                        <SecondaryActionButton
                          type="button"
                          disabled={busyId === account.id}
                          aria-label={nl.accounts.actionFor(action, account.displayName)}
                          onClick={() => {
                            void toggleDisabled(account);
                          }}
                        >
                          {action}
                        </SecondaryActionButton>
                        <SecondaryActionButton
                          type="button"
                          aria-label={nl.accounts.actionFor(
                            nl.accounts.resetPassword,
                            account.displayName,
                          )}
                          onClick={() => {
                            setPasswordFor(account);
                          }}
                        >
                          {nl.accounts.resetPassword}
                        </SecondaryActionButton>
                      </div>
                    </TableCell>
                  </TableRow>
                );
              })}
            </TableBody>
          </Table>
        </div>
      )}

      {passwordFor && (
        <PasswordForm
          key={passwordFor.id}
          account={passwordFor}
          onDone={(text) => {
            setPasswordFor(null);
            if (text !== null) setNotice({ type: 'ok', text });
          }}
        />
      )}

      <AccountForm
        organisations={organisations.value ?? []}
        onCreated={(account) => {
          setNotice({
            type: 'ok',
            text: nl.accounts.created(account.displayName, account.username),
          });
          users.reload();
        }}
      />
    </>
  );
}

function PasswordForm({
  account,
  onDone,
}: {
  account: UserAccount;
  onDone: (notice: string | null) => void;
}) {
  const headingRef = useRef<HTMLHeadingElement>(null);
  const [error, setError] = useState<string | undefined>(undefined);
  const [problem, setProblem] = useState<ApiError | null>(null);
  const [busy, setBusy] = useState(false);

  useEffect(() => {
    headingRef.current?.focus();
  }, []);

  async function onSubmit(event: SubmitEvent<HTMLFormElement>) {
    event.preventDefault();
    const value = new FormData(event.currentTarget).get('password');
    const password = typeof value === 'string' ? value : '';
    setBusy(true);
    setProblem(null);
    try {
      await setUserPassword(account.id, password);
      onDone(nl.accounts.passwordDone(account.displayName));
    } catch (e) {
      if (isApiError(e, 'validation-failed') && e.errors.length > 0) {
        const first = e.errors[0];
        setError(first ? nl.problem.field(first.code, first.reason) : undefined);
        document.getElementById('reset-password')?.focus();
      } else if (isApiError(e)) setProblem(e);
      else throw e;
    } finally {
      setBusy(false);
    }
  }

  return (
    <section aria-labelledby="reset-password-heading" className="ep-section ep-panel">
      <Heading2
        id="reset-password-heading"
        ref={headingRef}
        tabIndex={-1}
        className="ep-focus-target"
      >
        {nl.accounts.resetPasswordFor(account.displayName)}
      </Heading2>
      {problem && <ProblemAlert error={problem} />}
      <form
        noValidate
        onSubmit={(e) => {
          void onSubmit(e);
        }}
      >
        <Field
          id="reset-password"
          label={nl.accounts.newPassword}
          hint={nl.accounts.passwordHint}
          error={error}
        >
          {(c) => <Textbox {...c} name="password" type="password" autoComplete="new-password" />}
        </Field>
        <div className="ep-row-actions">
          <PrimaryActionButton type="submit" disabled={busy}>
            {busy ? nl.accounts.busy : nl.accounts.savePassword}
          </PrimaryActionButton>
          <SecondaryActionButton
            type="button"
            onClick={() => {
              onDone(null);
            }}
          >
            {nl.accounts.cancel}
          </SecondaryActionButton>
        </div>
      </form>
    </section>
  );
}
