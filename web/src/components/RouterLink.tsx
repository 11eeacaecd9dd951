import { Link, type LinkProps } from 'react-router';

/** react-router link with the NL Design System link look. */
export function RouterLink({ className, ...props }: LinkProps) {
  return (
    <Link
      {...props}
      className={['utrecht-link', 'utrecht-link--html-a', className].filter(Boolean).join(' ')}
    />
  );
}
