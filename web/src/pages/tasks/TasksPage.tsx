import { useRef, useState } from 'react';
import { useSearchParams } from 'react-router';
import {
  Alert,
  Heading1,
  Paragraph,
  SecondaryActionButton,
  Table,
  TableBody,
  TableCaption,
  TableCell,
  TableHeader,
  TableHeaderCell,
  TableRow,
} from '@utrecht/component-library-react';
import { listTasks, updateTask, type Task, type TaskStatus } from '../../api/absences';
import { isApiError, type ApiError } from '../../api/client';
import { Pagination } from '../../components/Pagination';
import { ProblemAlert } from '../../components/ProblemAlert';
import { RouterLink } from '../../components/RouterLink';
import { formatDate, formatDateTime } from '../../format';
import { nl } from '../../messages/nl';
import { nlPlan, PLAN_TASK_KINDS } from '../../messages/nl-plan';
import { useDocumentTitle } from '../../useDocumentTitle';
import { useLoad } from '../../useLoad';
import '../../styles/verzuim.css';

const t = nl.tasks;

export function TasksPage() {
  useDocumentTitle(t.title);
  const [params] = useSearchParams();
  const status: TaskStatus = params.get('status') === 'done' ? 'done' : 'open';
  const page = Math.max(1, Number.parseInt(params.get('page') ?? '1', 10) || 1);
  const tasks = useLoad(() => listTasks(status, page), [status, page]);
  const [message, setMessage] = useState<string | null>(null);
  const [actionError, setActionError] = useState<ApiError | null>(null);
  const [busyId, setBusyId] = useState<string | null>(null);
  const messageRef = useRef<HTMLDivElement>(null);

  async function toggle(task: Task) {
    setMessage(null);
    setActionError(null);
    setBusyId(task.id);
    const next = task.status === 'open' ? 'done' : 'open';
    try {
      await updateTask(task.id, task.version, next);
      setMessage(next === 'done' ? t.doneMessage(task.title) : t.reopenedMessage(task.title));
    } catch (e) {
      if (isApiError(e, 'version-conflict')) setMessage(t.conflict);
      else if (isApiError(e)) setActionError(e);
    } finally {
      setBusyId(null);
      tasks.reload();
      requestAnimationFrame(() => messageRef.current?.focus());
    }
  }

  const data = tasks.value;
  const pages = data ? Math.max(1, Math.ceil(data.total / data.pageSize)) : 1;
  const hrefFor = (p: number) => `?status=${status}&page=${p}`;

  return (
    <>
      <Heading1>{t.title}</Heading1>
      <Paragraph>{t.intro}</Paragraph>
      <nav aria-label={t.statusFilter} className="ep-row-actions">
        <RouterLink to="?status=open" aria-current={status === 'open' ? 'page' : undefined}>
          {t.open}
        </RouterLink>
        <RouterLink to="?status=done" aria-current={status === 'done' ? 'page' : undefined}>
          {t.done}
        </RouterLink>
      </nav>

      <div ref={messageRef} tabIndex={-1} className="ep-focus-target" aria-live="polite">
        {message !== null && (
          <Alert type="ok">
            <Paragraph>{message}</Paragraph>
          </Alert>
        )}
      </div>
      {actionError && <ProblemAlert error={actionError} />}
      {tasks.status === 'error' &&
        (tasks.error.code === 'forbidden' ? (
          <Alert type="info">
            <Paragraph>{t.adminNoTasks}</Paragraph>
          </Alert>
        ) : (
          <ProblemAlert error={tasks.error} />
        ))}

      <Paragraph className="ep-result-count">{data ? t.total(data.total) : nl.loading}</Paragraph>
      {data?.items.length === 0 && (
        <Alert type="info">
          <Paragraph>{status === 'open' ? t.empty : t.emptyDone}</Paragraph>
        </Alert>
      )}
      {data && data.items.length > 0 && (
        <div className="ep-table-scroll">
          <Table className="ep-table" busy={tasks.status === 'loading'}>
            <TableCaption className="ep-visually-hidden">
              {t.caption(data.page, pages)}
            </TableCaption>
            <TableHeader>
              <TableRow>
                <TableHeaderCell scope="col">{t.col.task}</TableHeaderCell>
                <TableHeaderCell scope="col">{t.col.pupil}</TableHeaderCell>
                <TableHeaderCell scope="col">{t.col.due}</TableHeaderCell>
                <TableHeaderCell scope="col">{t.col.created}</TableHeaderCell>
                <TableHeaderCell scope="col">{t.col.action}</TableHeaderCell>
              </TableRow>
            </TableHeader>
            <TableBody>
              {data.items.map((task) => {
                const overdue = task.overdue;
                return (
                  <TableRow key={task.id}>
                    <TableHeaderCell scope="row">{task.title}</TableHeaderCell>
                    <TableCell>
                      {task.pupil ? (
                        <RouterLink to={`/leerlingen/${task.pupil.id}`}>
                          {task.pupil.displayName}
                        </RouterLink>
                      ) : (
                        t.noPupil
                      )}
                    </TableCell>
                    <TableCell className="ep-nowrap">
                      {task.dueOn ? formatDate(task.dueOn) : t.noDue}
                      {overdue && (
                        <>
                          {' '}
                          <span className="ep-badge ep-badge--danger">{t.overdue}</span>
                        </>
                      )}
                    </TableCell>
                    <TableCell className="ep-nowrap">{formatDateTime(task.createdAt)}</TableCell>
                    <TableCell>
                      {PLAN_TASK_KINDS.includes(task.kind) && task.pupil && (
                        <RouterLink to={`/leerlingen/${task.pupil.id}#plan`}>
                          {nlPlan.task.toPlan}
                        </RouterLink>
                      )}
                      {task.status !== 'cancelled' && !PLAN_TASK_KINDS.includes(task.kind) && (
                        <SecondaryActionButton
                          type="button"
                          busy={busyId === task.id}
                          disabled={busyId !== null}
                          aria-label={
                            task.status === 'open'
                              ? t.markDoneFor(task.title)
                              : t.reopenFor(task.title)
                          }
                          onClick={() => void toggle(task)}
                        >
                          {task.status === 'open' ? t.markDone : t.reopen}
                        </SecondaryActionButton>
                      )}
                    </TableCell>
                  </TableRow>
                );
              })}
            </TableBody>
          </Table>
        </div>
      )}
      {data && <Pagination page={data.page} pages={pages} hrefFor={hrefFor} />}
    </>
  );
}
