import { useEffect, useRef } from 'react';
import { Outlet, useLocation, useNavigate } from 'react-router';
import {
  Document,
  Paragraph,
  SecondaryActionButton,
  SkipLink,
} from '@utrecht/component-library-react';
import { useSession } from '../auth/session-context';
import { nl } from '../messages/nl';
import { nlPhaseModels } from '../messages/nl-phase-models';
import { nlTrajectory } from '../messages/nl-trajectory';
import { homePath } from '../pages/HomeRedirect';
import { RouterLink } from './RouterLink';

export function Layout() {
  const { state, signOut } = useSession();
  const navigate = useNavigate();
  const { pathname } = useLocation();
  const mainRef = useRef<HTMLElement>(null);
  const firstPath = useRef(pathname);

  // After client-side navigation, start reading at the new page's content (not at the old focus).
  useEffect(() => {
    if (pathname !== firstPath.current) {
      firstPath.current = '';
      mainRef.current?.focus();
    }
  }, [pathname]);

  const user = state.status === 'authenticated' ? state.session.user : null;

  return (
    <Document className="ep-document">
      <SkipLink href="#main">{nl.skipLink}</SkipLink>
      <header className="ep-header">
        <div className="ep-container ep-header__inner">
          <RouterLink to={user ? homePath(user.role) : '/inloggen'} className="ep-brand">
            {nl.appName}
          </RouterLink>
          {user && (
            <div className="ep-user">
              <p className="ep-user__info">
                <span className="ep-visually-hidden">{nl.header.userLabel} </span>
                <span className="ep-user__name">{user.displayName}</span>
                <span className="ep-user__meta">
                  {nl.label.role(user.role)}
                  {user.organisations.length > 0 &&
                    ` · ${user.organisations.map((o) => o.name).join(', ')}`}
                </span>
              </p>
              <SecondaryActionButton
                type="button"
                className="ep-logout"
                onClick={() => {
                  void signOut().then(() => navigate('/inloggen'));
                }}
              >
                {nl.header.logout}
              </SecondaryActionButton>
            </div>
          )}
        </div>
        {user && (
          <nav className="ep-nav" aria-label={nl.header.nav}>
            <div className="ep-container">
              {user.role === 'swv_admin' ? (
                <>
                  <RouterLink to="/beheer/accounts" className="ep-nav__link">
                    {nl.header.accounts}
                  </RouterLink>
                  <RouterLink to="/thuiszitters/instellingen" className="ep-nav__link">
                    {nl.homeboundSettings.nav}
                  </RouterLink>
                </>
              ) : (
                <>
                  <RouterLink to="/leerlingen" className="ep-nav__link">
                    {nl.header.myPupils}
                  </RouterLink>
                  <RouterLink to="/taken" className="ep-nav__link">
                    {nl.header.tasks}
                  </RouterLink>
                  {user.role === 'school_coordinator' && (
                    <>
                      <RouterLink to="/verzuim/importeren" className="ep-nav__link">
                        {nl.header.absenceImport}
                      </RouterLink>
                      <RouterLink to="/verzuim/protocol" className="ep-nav__link">
                        {nl.header.absenceProtocol}
                      </RouterLink>
                    </>
                  )}
                </>
              )}
              {user.role === 'school_coordinator' && (
                <RouterLink to="/ondersteuningsroute" className="ep-nav__link">
                  {nl.supportRoute.school.nav}
                </RouterLink>
              )}
              {['swv_consultant', 'school_coordinator', 'attendance_officer'].includes(
                user.role,
              ) && (
                <RouterLink to="/thuiszitters" className="ep-nav__link">
                  {nl.homebound.nav}
                </RouterLink>
              )}
              {['swv_consultant', 'school_coordinator'].includes(user.role) && (
                <RouterLink to="/voorzieningen" className="ep-nav__link">
                  {nlTrajectory.nav}
                </RouterLink>
              )}
              {user.role !== 'swv_admin' && (
                <RouterLink to="/fasenmodellen" className="ep-nav__link">
                  {nlPhaseModels.nav}
                </RouterLink>
              )}
              {['swv_consultant', 'school_coordinator'].includes(user.role) && (
                <RouterLink to="/verzuimtrends" className="ep-nav__link">
                  {nl.absenceTrends.nav}
                </RouterLink>
              )}
            </div>
          </nav>
        )}
      </header>
      <main id="main" ref={mainRef} tabIndex={-1} className="ep-container ep-main">
        <Outlet />
      </main>
      <footer className="ep-footer">
        <div className="ep-container">
          <Paragraph appearance="small">{nl.footer}</Paragraph>
        </div>
      </footer>
    </Document>
  );
}
