import { useRef, useState, type SubmitEvent } from 'react';
import { Alert, Paragraph, PrimaryActionButton, Textbox } from '@utrecht/component-library-react';
import { isApiError } from '../api/client';
import { login } from '../api/eenplan';
import type { Session } from '../api/types';
import { Field } from '../components/Field';
import { nl } from '../messages/nl';

interface Props {
  idPrefix: string;
  /** Re-login after an expired session: the same account, only the password is asked. */
  fixedUsername?: string;
  onSuccess: (session: Session) => void;
}

interface FieldErrors {
  username?: string;
  password?: string;
}

export function LoginForm({ idPrefix, fixedUsername, onSuccess }: Props) {
  const [username, setUsername] = useState(fixedUsername ?? '');
  const [password, setPassword] = useState('');
  const [fieldErrors, setFieldErrors] = useState<FieldErrors>({});
  const [formError, setFormError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const errorRef = useRef<HTMLDivElement>(null);

  async function submit(event: SubmitEvent) {
    event.preventDefault();
    const errors: FieldErrors = {};
    if (username.trim() === '') errors.username = nl.login.usernameRequired;
    if (password === '') errors.password = nl.login.passwordRequired;
    setFieldErrors(errors);
    setFormError(null);
    if (errors.username !== undefined || errors.password !== undefined) {
      document.getElementById(`${idPrefix}-${errors.username ? 'username' : 'password'}`)?.focus();
      return;
    }
    setBusy(true);
    try {
      const session = await login(username.trim(), password);
      onSuccess(session);
    } catch (error) {
      setPassword('');
      if (isApiError(error, 'too-many-attempts')) {
        setFormError(nl.problem.tooManyAttempts(error.retryAfterSeconds));
      } else if (isApiError(error, 'validation-failed')) {
        setFieldErrors({
          ...(error.errors.some((e) => e.name === 'username') && {
            username: nl.login.usernameRequired,
          }),
          ...(error.errors.some((e) => e.name === 'password') && {
            password: nl.login.passwordRequired,
          }),
        });
      } else if (isApiError(error)) {
        setFormError(nl.problem.message(error.code, error.status));
      } else {
        setFormError(nl.problem.message('internal', 500));
      }
      // Move focus to the message so it is read out and the user can go on from there.
      requestAnimationFrame(() => errorRef.current?.focus());
    } finally {
      setBusy(false);
    }
  }

  return (
    <form className="ep-form ep-login-form" noValidate onSubmit={(e) => void submit(e)}>
      <div ref={errorRef} tabIndex={-1} className="ep-focus-target">
        {formError !== null && (
          <Alert type="error">
            <Paragraph>
              <strong>{nl.login.errorHeading}.</strong> {formError}
            </Paragraph>
          </Alert>
        )}
      </div>
      <Field id={`${idPrefix}-username`} label={nl.login.username} error={fieldErrors.username}>
        {(control) => (
          <Textbox
            {...control}
            name="username"
            autoComplete="username"
            value={username}
            readOnly={fixedUsername !== undefined}
            invalid={fieldErrors.username !== undefined}
            onChange={(e) => {
              setUsername(e.target.value);
            }}
          />
        )}
      </Field>
      <Field id={`${idPrefix}-password`} label={nl.login.password} error={fieldErrors.password}>
        {(control) => (
          <Textbox
            {...control}
            name="password"
            type="password"
            autoComplete="current-password"
            value={password}
            invalid={fieldErrors.password !== undefined}
            onChange={(e) => {
              setPassword(e.target.value);
            }}
          />
        )}
      </Field>
      <div className="ep-actions">
        <PrimaryActionButton type="submit" busy={busy} disabled={busy}>
          {busy ? nl.login.busy : nl.login.submit}
        </PrimaryActionButton>
      </div>
    </form>
  );
}
