import { lazy, Suspense } from 'react';
import { BrowserRouter, Route, Routes } from 'react-router';
import { RequireSession } from './auth/RequireSession';
import { SessionProvider } from './auth/SessionProvider';
import { Layout } from './components/Layout';
import { nl } from './messages/nl';
import { AuditPage } from './pages/AuditPage';
import { AccountsPage } from './pages/accounts/AccountsPage';
import { HomeRedirect } from './pages/HomeRedirect';
import { LoginPage } from './pages/LoginPage';
import { NotFoundPage } from './pages/NotFoundPage';
import { PupilDossierRoute } from './pages/PupilDossierPage';
import { PupilListPage } from './pages/PupilListPage';
import { SupportRoutePage } from './pages/SupportRoutePage';
import { HomeboundCaseRoute } from './pages/homebound/HomeboundCasePage';
import { HomeboundNewPage } from './pages/homebound/HomeboundNewPage';
import { HomeboundRegisterPage } from './pages/homebound/HomeboundRegisterPage';
import { HomeboundSettingsPage } from './pages/homebound/HomeboundSettingsPage';

// The charts (ECharts) load with the overview page only, not with every page.
const HomeboundOverviewPage = lazy(() =>
  import('./pages/homebound/HomeboundOverviewPage').then((m) => ({
    default: m.HomeboundOverviewPage,
  })),
);

const AbsenceTrendsPage = lazy(() =>
  import('./pages/homebound/AbsenceTrendsPage').then((m) => ({ default: m.AbsenceTrendsPage })),
);
import { AbsenceImportPage } from './pages/absences/AbsenceImportPage';
import { AbsenceProtocolPage } from './pages/absences/AbsenceProtocolPage';
import { TasksPage } from './pages/tasks/TasksPage';
import { ProvisionListPage } from './pages/provisions/ProvisionListPage';
import { ProvisionPage } from './pages/provisions/ProvisionPage';
import { PhaseModelsPage } from './pages/phaseModels/PhaseModelsPage';

export function App() {
  return (
    <BrowserRouter>
      <SessionProvider>
        <Routes>
          <Route element={<Layout />}>
            <Route path="/inloggen" element={<LoginPage />} />
            <Route element={<RequireSession />}>
              <Route index element={<HomeRedirect />} />
              <Route path="/beheer/accounts" element={<AccountsPage />} />
              <Route path="/leerlingen" element={<PupilListPage />} />
              <Route path="/leerlingen/:id" element={<PupilDossierRoute />} />
              <Route path="/leerlingen/:id/inzage" element={<AuditPage />} />
              <Route path="/ondersteuningsroute" element={<SupportRoutePage />} />
              <Route path="/thuiszitters" element={<HomeboundRegisterPage />} />
              <Route path="/thuiszitters/nieuw" element={<HomeboundNewPage />} />
              <Route path="/thuiszitters/instellingen" element={<HomeboundSettingsPage />} />
              <Route
                path="/thuiszitters/overzicht"
                element={
                  <Suspense fallback={nl.loading}>
                    <HomeboundOverviewPage />
                  </Suspense>
                }
              />
              <Route path="/thuiszitters/:id" element={<HomeboundCaseRoute />} />
              <Route
                path="/verzuimtrends"
                element={
                  <Suspense fallback={nl.loading}>
                    <AbsenceTrendsPage />
                  </Suspense>
                }
              />
              <Route path="/taken" element={<TasksPage />} />
              <Route path="/voorzieningen" element={<ProvisionListPage />} />
              <Route path="/voorzieningen/:id" element={<ProvisionPage />} />
              <Route path="/fasenmodellen" element={<PhaseModelsPage />} />
              <Route path="/verzuim/importeren" element={<AbsenceImportPage />} />
              <Route path="/verzuim/protocol" element={<AbsenceProtocolPage />} />
            </Route>
            <Route path="*" element={<NotFoundPage />} />
          </Route>
        </Routes>
      </SessionProvider>
    </BrowserRouter>
  );
}
