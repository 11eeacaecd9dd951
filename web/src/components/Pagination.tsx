import { nl } from '../messages/nl';
import { RouterLink } from './RouterLink';

interface Props {
  page: number;
  pages: number;
  /** URL (path + query) of a page, so paging is plain links and back/forward works. */
  hrefFor: (page: number) => string;
  /** Router state to carry along (e.g. a name shown in the heading). */
  state?: unknown;
}

export function Pagination({ page, pages, hrefFor, state }: Props) {
  if (pages <= 1) return null;
  return (
    <nav className="ep-pagination" aria-label={nl.pagination.label}>
      {page > 1 ? (
        <RouterLink to={hrefFor(page - 1)} rel="prev" state={state} className="ep-pagination__link">
          {nl.pagination.previous}
        </RouterLink>
      ) : (
        <span className="ep-pagination__placeholder" />
      )}
      <span className="ep-pagination__status">{nl.pagination.pageOf(page, pages)}</span>
      {page < pages ? (
        <RouterLink to={hrefFor(page + 1)} rel="next" state={state} className="ep-pagination__link">
          {nl.pagination.next}
        </RouterLink>
      ) : (
        <span className="ep-pagination__placeholder" />
      )}
    </nav>
  );
}
