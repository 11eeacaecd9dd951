import { StatusBadge } from '@utrecht/component-library-react';
import type { HomeboundCase } from '../../api/homebound';
import { nl } from '../../messages/nl';

const t = nl.homebound;

/** The clock status in words (never colour alone), plus a second badge once the legal deadline passed. */
export function ClockBadge({ c }: { c: Pick<HomeboundCase, 'clock' | 'reviewOverdue'> }) {
  return (
    <span className="ep-badges">
      <StatusBadge status={c.clock.status} className={`ep-badge ep-badge--${c.clock.status}`}>
        {t.clockStatuses[c.clock.status] ?? c.clock.status}
      </StatusBadge>
      {c.clock.legalDeadlinePassed && c.clock.status !== 'closed' && (
        <>
          {' '}
          <StatusBadge status="legal" className="ep-badge ep-badge--legal">
            {t.legalPassed}
          </StatusBadge>
        </>
      )}
      {c.reviewOverdue && (
        <>
          {' '}
          <StatusBadge status="review" className="ep-badge ep-badge--at_risk">
            {t.reviewOverdue}
          </StatusBadge>
        </>
      )}
    </span>
  );
}

export function categoryLabel(c: Pick<HomeboundCase, 'category' | 'subcategory'>): string {
  const label = t.categories[c.category] ?? c.category;
  return c.subcategory ? `${label} (${c.subcategory})` : label;
}
