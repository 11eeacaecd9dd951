// Dev-only mock of the Eenplan API v1 (plain node:http, in-memory, synthetic data).
// Enough of the contract to click through the UI and run tests/e2e without the C++ server.
// It also serves web/dist with the real server's CSP, so CSP mistakes show up here first.
//
//   node web/dev/mock-server.mjs            (PORT=8080 by default)
//
// Also the case team (GET|PUT /pupils/{id}/case-team, GET .../candidates), with its timeline entry.
//
// Test hooks, not part of the contract:
//   POST /__mock/bump/{pupilId}        another user changes the pupil (next stale PATCH gets 412)
//   POST /__mock/expire-sessions       every session expires (next request gets 401)
//   POST /__mock/reset                 back to the initial data
import { createServer } from 'node:http';
import { randomUUID, randomBytes } from 'node:crypto';
import { readFile, stat } from 'node:fs/promises';
import { readFileSync } from 'node:fs';
import { extname, join, normalize, dirname } from 'node:path';
import { fileURLToPath } from 'node:url';

const here = dirname(fileURLToPath(import.meta.url));
const DIST = join(here, '..', 'dist');
const PORT = Number(process.env.PORT ?? 8080);
const ACCOUNTS = JSON.parse(readFileSync(join(here, 'mock-accounts.json'), 'utf8'));
const PASSWORD = ACCOUNTS[0].password;
const IDLE_SECONDS = 1800;
const CSP =
  "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; font-src 'self'; " +
  "connect-src 'self'; frame-ancestors 'none'; base-uri 'none'; form-action 'self'";

// ---------------------------------------------------------------- data

// Deterministic ids so URLs stay the same across restarts.
let idCounter = 0;
const nextId = () => `00000000-0000-4000-8000-${String(++idCounter).padStart(12, '0')}`;
const ref = (o) => (o ? { id: o.id, name: o.name, kind: o.kind } : null);

function initialData() {
  idCounter = 0;
  const org = (name, kind, extra = {}) => ({ id: nextId(), name, kind, ...extra });
  const gemeente = org('Gemeente Zwolle', 'municipality');
  const gemeente2 = org('Gemeente Kampen', 'municipality');
  const swv = org('SWV Passend Onderwijs IJssel', 'swv');
  const leerplicht = org('RBL IJssel-Vecht', 'attendance_office');
  const zorg = org('Jeugdhulp De Brug', 'care_provider');
  const schools = [
    org('Het Lyceum Zwolle', 'school', {
      brin: '20AA',
      schoolType: 'vo',
      municipality: ref(gemeente),
    }),
    org('De Ambelt', 'school', { brin: '20BB', schoolType: 'vso', municipality: ref(gemeente) }),
    org('Praktijkschool Kampen', 'school', {
      brin: '20CC',
      schoolType: 'pro',
      municipality: ref(gemeente2),
    }),
    org('Basisschool De Regenboog', 'school', {
      brin: '20DD',
      schoolType: 'bao',
      municipality: ref(gemeente),
    }),
  ];
  const orgByName = Object.fromEntries(
    [gemeente, gemeente2, swv, leerplicht, zorg, ...schools].map((o) => [o.name, o]),
  );
  const users = ACCOUNTS.map((a) => ({
    id: nextId(),
    username: a.username,
    displayName: a.displayName,
    role: a.role,
    organisations: [ref(orgByName[a.organisation])],
    // The leerplicht office works for this municipality.
    municipality: a.role === 'attendance_officer' ? gemeente : null,
    disabled: false,
    version: 1,
    linkedSchools: [],
  }));
  const byUsername = Object.fromEntries(users.map((u) => [u.username, u]));

  const given = [
    'Daan',
    'Sem',
    'Lotte',
    'Noah',
    'Emma',
    'Liam',
    'Julia',
    'Finn',
    'Sara',
    'Milan',
    'Tess',
    'Levi',
    'Zoë',
    'Luuk',
    'Mila',
    'Bram',
    'Nora',
    'Jesse',
    'Evi',
    'Thijs',
    'Fleur',
    'Ruben',
    'Anna',
    'Gijs',
    'Roos',
    'Stijn',
    'Isa',
    'Mees',
    'Lina',
    'Jens',
    'Yara',
    'Owen',
  ];
  const family = [
    'de Vries',
    'Jansen',
    'Bakker',
    'Visser',
    'Smit',
    'Meijer',
    'de Boer',
    'Mulder',
    'de Groot',
    'Bos',
    'Vos',
    'Peters',
    'Hendriks',
    'van Leeuwen',
    'Dekker',
    'Brouwer',
    'de Wit',
    'Dijkstra',
    'Smits',
    'de Graaf',
    'van der Meer',
    'van der Linden',
    'Kok',
    'Jacobs',
    'de Haan',
    'Vermeulen',
    'van den Berg',
    'van Dijk',
    'Willems',
    'Hoekstra',
    'Koster',
    'Prins',
  ];
  const statuses = [
    'enrolled',
    'enrolled',
    'enrolled',
    'not_enrolled',
    'enrolled',
    'exempted',
    'enrolled',
    'left',
  ];
  const coordinator = byUsername['coordinator'];
  const teacher = byUsername['mentor'];
  const consultant = byUsername['consulent'];
  const pupils = Array.from({ length: 64 }, (_, n) => n).map((i) => {
    const g = given[i % given.length];
    const fam = family[(i * 7) % family.length];
    const school = schools[i % 3];
    const home = i % 4 === 1 && school !== schools[0] ? schools[0] : null;
    const ownSchool = school === schools[0] || home === schools[0];
    const year = 2008 + (i % 8);
    return {
      id: nextId(),
      version: 1,
      givenName: g,
      familyName: fam,
      dateOfBirth: `${year}-${String((i % 12) + 1).padStart(2, '0')}-${String((i % 27) + 1).padStart(2, '0')}`,
      schoolPupilNumber: String(41000 + i * 7),
      status: statuses[i % statuses.length],
      enrolmentSchool: ref(school),
      homeSchool: ref(home),
      postcode: `80${String(11 + i).padStart(2, '0')} ${['AB', 'CD', 'EF', 'GH'][i % 4]}`,
      municipality: ref(school.municipality.name === gemeente.name ? gemeente : gemeente2),
      loadCapacity:
        i % 5 === 0
          ? ''
          : 'Kan ongeveer 3 uur per dag aan, in een kleine groep. Na de middag neemt de concentratie sterk af.',
      careHistory:
        i % 3 === 0
          ? ''
          : '2021: wijkteam betrokken na zorgmelding school.\n2023: ambulante begeleiding via jeugdhulp, afgerond.',
      guardians: [
        {
          id: nextId(),
          name: `M. ${fam}`,
          relationship: 'moeder',
          phone: '06 12345678',
          email: `ouder${i}@example.org`,
        },
        ...(i % 2 === 0
          ? [
              {
                id: nextId(),
                name: `J. ${fam}`,
                relationship: 'vader',
                phone: '038 1234567',
                email: '',
              },
            ]
          : []),
      ],
      caseTeam: [
        ...(ownSchool
          ? [
              {
                userId: coordinator.id,
                displayName: coordinator.displayName,
                role: coordinator.role,
                organisation: coordinator.organisations[0],
                caseRole: 'zorgcoördinator',
                isCaseLead: i % 2 === 0,
              },
            ]
          : []),
        ...(ownSchool && i < 12
          ? [
              {
                userId: teacher.id,
                displayName: teacher.displayName,
                role: teacher.role,
                organisation: teacher.organisations[0],
                caseRole: 'mentor',
                isCaseLead: false,
              },
            ]
          : []),
        {
          userId: consultant.id,
          displayName: consultant.displayName,
          role: consultant.role,
          organisation: consultant.organisations[0],
          caseRole: 'consulent SWV',
          isCaseLead: !ownSchool || i % 2 === 1,
        },
      ],
      supportNeeds:
        i % 6 === 5
          ? []
          : [
              {
                id: nextId(),
                category: 'structure_predictability',
                description:
                  'Vaste dagstructuur met een picto-rooster; wijzigingen vooraf aankondigen.',
              },
              {
                id: nextId(),
                category: 'small_group',
                description: 'Werkt het best in een groep van hooguit 8 leerlingen.',
              },
            ],
      factors: [
        {
          id: nextId(),
          kind: 'promoting',
          area: 'pupil',
          description: 'Gemotiveerd voor praktische vakken, vooral techniek.',
        },
        {
          id: nextId(),
          kind: 'promoting',
          area: 'family',
          description: 'Ouders zijn betrokken en goed bereikbaar.',
        },
        {
          id: nextId(),
          kind: 'hindering',
          area: 'school',
          description: 'Veel wisselingen van docent in het afgelopen jaar.',
        },
      ],
      notes: [],
      audit: [],
      caseTeamVersion: 1,
    };
  });
  // A little history, oldest first in creation; listed newest first.
  for (const [i, p] of pupils.entries()) {
    if (i % 2 === 0) {
      p.notes.push(
        note(
          coordinator,
          'conversation',
          'Gesprek met ouders en leerling over de opbouw van uren. Afgesproken: start met 3 ochtenden per week.',
          '2025-09-15T08:30:00Z',
        ),
      );
      p.notes.push(
        note(
          consultant,
          'decision',
          'Besluit ondersteuningsteam: arrangement kleine groep voor 6 maanden, evaluatie na 10 weken.',
          '2025-10-02T13:05:00Z',
        ),
      );
    }
  }
  return { orgs: [gemeente, gemeente2, swv, leerplicht, zorg, ...schools], schools, users, pupils };
}

function note(user, kind, body, createdAt = new Date().toISOString()) {
  return {
    id: randomUUID(),
    kind,
    body,
    author: { id: user.id, displayName: user.displayName },
    createdAt: createdAt.replace(/\.\d{3}Z$/, 'Z'),
  };
}

let db = initialData();
const sessions = new Map(); // token → { userId, csrf, lastSeen }
const failures = new Map(); // username → { count, until }

const categories = [
  ['structure_predictability', 'Structuur en voorspelbaarheid'],
  ['small_group', 'Kleine groep'],
  ['individual_instruction', 'Individuele instructie'],
  ['emotion_regulation', 'Emotieregulatie'],
  ['social_skills', 'Sociale vaardigheden'],
  ['gradual_build_up', 'Geleidelijke opbouw'],
  ['low_stimulus_environment', 'Prikkelarme omgeving'],
  ['care_in_school', 'Zorg in de school'],
  ['executive_functions', 'Executieve functies'],
  ['language_support', 'Taalondersteuning'],
  ['physical_care', 'Lichamelijke verzorging'],
  ['relation_first', 'Eerst relatie, dan prestatie'],
  ['other', 'Overig'],
].map(([code, label]) => ({ code, label }));

// ---------------------------------------------------------------- access (as in the contract)

function access(user, pupil) {
  if (user.role === 'swv_admin') return null;
  const orgIds = new Set(user.organisations.map((o) => o.id));
  const schoolIds = [pupil.enrolmentSchool.id, pupil.homeSchool?.id].filter(Boolean);
  const onTeam = pupil.caseTeam.some((m) => m.userId === user.id);
  const isLead = pupil.caseTeam.some((m) => m.userId === user.id && m.isCaseLead);
  const schoolRole =
    (user.role === 'school_coordinator' || user.role === 'swv_consultant') &&
    (user.role === 'swv_consultant' || schoolIds.some((id) => orgIds.has(id)));
  if (onTeam || schoolRole) {
    const editor = ['school_coordinator', 'swv_consultant', 'orthopedagogue'].includes(user.role);
    // The team: its regisseur and the school side (coordinator, SWV consultant), not another member.
    const canEditCaseTeam = isLead || schoolRole;
    return { scope: 'full', canEdit: editor || isLead, canAddNotes: true, canEditCaseTeam };
  }
  if (user.role === 'attendance_officer' && pupil.municipality?.id === user.municipality?.id) {
    return { scope: 'attendance', canEdit: false, canAddNotes: false, canEditCaseTeam: false };
  }
  return null;
}

function summary(p) {
  const {
    id,
    givenName,
    familyName,
    dateOfBirth,
    schoolPupilNumber,
    status,
    enrolmentSchool,
    homeSchool,
  } = p;
  return {
    id,
    givenName,
    familyName,
    dateOfBirth,
    schoolPupilNumber,
    status,
    enrolmentSchool,
    homeSchool,
  };
}

function view(p, acc) {
  const base = {
    ...summary(p),
    version: p.version,
    postcode: p.postcode,
    municipality: p.municipality,
    guardians: p.guardians,
    access: acc,
  };
  if (acc.scope === 'attendance') return base;
  const { loadCapacity, careHistory, caseTeam, supportNeeds, factors } = p;
  return { ...base, loadCapacity, careHistory, caseTeam, supportNeeds, factors };
}

function audit(req, user, pupil, action, resource) {
  const purpose = String(req.headers['x-purpose'] ?? 'begeleiding').slice(0, 100);
  pupil.audit.push({
    id: randomUUID(),
    at: new Date().toISOString().replace(/\.\d{3}Z$/, 'Z'),
    action,
    resource,
    purpose,
    actor: {
      id: user.id,
      displayName: user.displayName,
      role: user.role,
      organisation: user.organisations[0] ?? null,
    },
  });
}

// ---------------------------------------------------------------- validation of PATCH

const PATCH_FIELDS = [
  'givenName',
  'familyName',
  'dateOfBirth',
  'postcode',
  'schoolPupilNumber',
  'status',
  'loadCapacity',
  'careHistory',
  'supportNeeds',
  'factors',
];

function validatePatch(body) {
  const errors = [];
  const err = (name, code, reason) => errors.push({ name, code, reason });
  const text = (name, min, max) => {
    if (!(name in body)) return;
    const v = body[name];
    if (typeof v !== 'string') return err(name, 'invalid-type', 'Moet tekst zijn.');
    if (v.trim().length < min) return err(name, min === 1 ? 'required' : 'too-short', 'Te kort.');
    if (v.length > max) err(name, 'too-long', `Maximaal ${max} tekens.`);
  };
  for (const key of Object.keys(body))
    if (!PATCH_FIELDS.includes(key)) err(key, 'unknown-field', 'Onbekend veld.');
  text('givenName', 1, 100);
  text('familyName', 1, 100);
  text('schoolPupilNumber', 1, 32);
  text('loadCapacity', 0, 4000);
  text('careHistory', 0, 8000);
  if ('dateOfBirth' in body) {
    const v = body.dateOfBirth;
    const d =
      typeof v === 'string' && /^\d{4}-\d{2}-\d{2}$/.test(v) ? new Date(`${v}T00:00:00Z`) : null;
    if (!d || Number.isNaN(d.getTime()) || d.toISOString().slice(0, 10) !== v)
      err('dateOfBirth', 'invalid-date', 'Geen geldige datum (JJJJ-MM-DD).');
    else if (v < '1990-01-01' || d > new Date())
      err('dateOfBirth', 'out-of-range', 'Datum valt buiten het bereik.');
  }
  if ('postcode' in body) {
    const m =
      typeof body.postcode === 'string'
        ? /^\s*([1-9]\d{3})\s?([A-Za-z]{2})\s*$/.exec(body.postcode)
        : null;
    if (!m) err('postcode', 'invalid-value', 'Geen geldige postcode (1234 AB).');
    else body.postcode = `${m[1]} ${m[2].toUpperCase()}`;
  }
  if ('status' in body && !['enrolled', 'not_enrolled', 'exempted', 'left'].includes(body.status))
    err('status', 'invalid-value', 'Onbekende status.');
  if ('supportNeeds' in body) {
    if (!Array.isArray(body.supportNeeds))
      err('supportNeeds', 'invalid-type', 'Moet een lijst zijn.');
    else
      body.supportNeeds.forEach((n, i) => {
        if (!categories.some((c) => c.code === n?.category))
          err(`supportNeeds[${i}].category`, 'invalid-value', 'Onbekende categorie.');
        if (typeof n?.description !== 'string' || n.description.trim() === '')
          err(`supportNeeds[${i}].description`, 'required', 'Verplicht.');
        else if (n.description.length > 2000)
          err(`supportNeeds[${i}].description`, 'too-long', 'Maximaal 2000 tekens.');
      });
  }
  if ('factors' in body) {
    if (!Array.isArray(body.factors)) err('factors', 'invalid-type', 'Moet een lijst zijn.');
    else
      body.factors.forEach((f, i) => {
        if (!['promoting', 'hindering'].includes(f?.kind))
          err(`factors[${i}].kind`, 'invalid-value', 'Onbekende soort.');
        if (!['pupil', 'family', 'school', 'environment'].includes(f?.area))
          err(`factors[${i}].area`, 'invalid-value', 'Onbekend gebied.');
        if (typeof f?.description !== 'string' || f.description.trim() === '')
          err(`factors[${i}].description`, 'required', 'Verplicht.');
      });
  }
  return errors;
}

// ---------------------------------------------------------------- http helpers

const TITLES = {
  400: 'Ongeldig verzoek',
  401: 'Niet ingelogd',
  403: 'Geen toegang',
  404: 'Niet gevonden',
  405: 'Methode niet toegestaan',
  412: 'Versieconflict',
  415: 'Verkeerd mediatype',
  422: 'Ongeldige invoer',
  428: 'Versie vereist',
  429: 'Te veel pogingen',
};

function send(res, status, body, headers = {}) {
  res.writeHead(status, {
    'API-Version': '1.0.0',
    'Cache-Control': 'no-store',
    ...(body === undefined ? {} : { 'Content-Type': 'application/json' }),
    ...headers,
  });
  res.end(body === undefined ? undefined : JSON.stringify(body));
}

function problem(res, status, code, extra = {}, headers = {}) {
  const body = {
    type: `https://eenplan.nl/problems/${code}`,
    title: TITLES[status] ?? 'Fout',
    status,
    detail: TITLES[status] ?? code,
    code,
    instance: `urn:uuid:${randomUUID()}`,
    ...extra,
  };
  res.writeHead(status, {
    'API-Version': '1.0.0',
    'Content-Type': 'application/problem+json',
    ...headers,
  });
  res.end(JSON.stringify(body));
}

async function readJson(req, res) {
  if (!String(req.headers['content-type'] ?? '').startsWith('application/json')) {
    problem(res, 415, 'unsupported-media-type');
    return undefined;
  }
  let raw = '';
  for await (const chunk of req) raw += chunk;
  try {
    const body = JSON.parse(raw);
    if (body && typeof body === 'object' && !Array.isArray(body)) return body;
  } catch {
    /* fall through */
  }
  problem(res, 400, 'invalid-json');
  return undefined;
}

function cookie(req, name) {
  const match = new RegExp(`(?:^|;\\s*)${name}=([^;]+)`).exec(req.headers.cookie ?? '');
  return match ? match[1] : null;
}

function currentSession(req) {
  const token = cookie(req, 'eenplan_session');
  const session = token ? sessions.get(token) : null;
  if (!session) return null;
  if (Date.now() - session.lastSeen > IDLE_SECONDS * 1000) {
    sessions.delete(token);
    return null;
  }
  session.lastSeen = Date.now();
  return { token, ...session, user: db.users.find((u) => u.id === session.userId) };
}

const publicUser = ({ id, username, displayName, role, organisations }) => ({
  id,
  username,
  displayName,
  role,
  organisations,
});

// ---------------------------------------------------------------- routes

async function api(req, res, url) {
  const path = url.pathname;
  const method = req.method;

  if (path === '/api/v1/session' && method === 'POST') {
    const body = await readJson(req, res);
    if (!body) return;
    const missing = ['username', 'password'].filter(
      (k) => typeof body[k] !== 'string' || body[k] === '',
    );
    if (missing.length)
      return problem(res, 422, 'validation-failed', {
        errors: missing.map((name) => ({ name, code: 'required', reason: 'Verplicht.' })),
      });
    const fail = failures.get(body.username);
    if (fail && fail.until > Date.now()) {
      return problem(
        res,
        429,
        'too-many-attempts',
        {},
        { 'Retry-After': String(Math.ceil((fail.until - Date.now()) / 1000)) },
      );
    }
    const user = db.users.find((u) => u.username === body.username);
    if (!user || user.disabled || body.password !== (user.password ?? PASSWORD)) {
      const count = (fail?.count ?? 0) + 1;
      failures.set(body.username, { count, until: count >= 5 ? Date.now() + 60_000 : 0 });
      return problem(res, 401, 'invalid-credentials');
    }
    failures.delete(body.username);
    const token = randomBytes(24).toString('base64url');
    const csrf = randomBytes(24).toString('base64url');
    sessions.set(token, { userId: user.id, csrf, lastSeen: Date.now() });
    return send(
      res,
      201,
      { user: publicUser(user), csrfToken: csrf, idleTimeoutSeconds: IDLE_SECONDS },
      {
        'Set-Cookie': `eenplan_session=${token}; HttpOnly; SameSite=Strict; Path=/`,
      },
    );
  }

  const session = currentSession(req);
  if (!session) return problem(res, 401, 'unauthenticated');
  const { user } = session;
  if (method !== 'GET' && req.headers['x-csrf-token'] !== session.csrf)
    return problem(res, 403, 'csrf-token-invalid');

  if (path === '/api/v1/session') {
    if (method === 'GET')
      return send(res, 200, {
        user: publicUser(user),
        csrfToken: session.csrf,
        idleTimeoutSeconds: IDLE_SECONDS,
      });
    if (method === 'DELETE') {
      sessions.delete(session.token);
      return send(res, 204, undefined, {
        'Set-Cookie': 'eenplan_session=; HttpOnly; SameSite=Strict; Path=/; Max-Age=0',
      });
    }
    return problem(res, 405, 'method-not-allowed');
  }
  if (path === '/api/v1/organisations' && method === 'GET') {
    const kind = url.searchParams.get('kind');
    const items = db.orgs
      .filter((o) => !kind || o.kind === kind)
      .sort((a, b) => a.name.localeCompare(b.name, 'nl'));
    return send(res, 200, { items });
  }
  if (path === '/api/v1/users' || path.startsWith('/api/v1/users/'))
    return usersApi(req, res, url, session);
  if (path === '/api/v1/support-need-categories' && method === 'GET')
    return send(res, 200, { items: categories });

  if (path === '/api/v1/pupils' && method === 'GET') {
    if (user.role === 'swv_admin') return problem(res, 403, 'forbidden');
    const q = (url.searchParams.get('q') ?? '').toLowerCase();
    const schoolId = url.searchParams.get('schoolId') ?? '';
    const status = url.searchParams.get('status') ?? '';
    const page = Number(url.searchParams.get('page') ?? 1);
    const pageSize = Number(url.searchParams.get('pageSize') ?? 25);
    if (
      !Number.isInteger(page) ||
      page < 1 ||
      !Number.isInteger(pageSize) ||
      pageSize < 1 ||
      pageSize > 100
    )
      return problem(res, 400, 'bad-request');
    const items = db.pupils
      .filter((p) => access(user, p))
      .filter(
        (p) =>
          !q ||
          [p.givenName, p.familyName, p.schoolPupilNumber].some((v) => v.toLowerCase().includes(q)),
      )
      .filter(
        (p) => !schoolId || p.enrolmentSchool.id === schoolId || p.homeSchool?.id === schoolId,
      )
      .filter((p) => !status || p.status === status)
      .sort(
        (a, b) =>
          a.familyName.localeCompare(b.familyName, 'nl') ||
          a.givenName.localeCompare(b.givenName, 'nl'),
      );
    return send(res, 200, {
      items: items.slice((page - 1) * pageSize, page * pageSize).map(summary),
      page,
      pageSize,
      total: items.length,
    });
  }

  const team = /^\/api\/v1\/pupils\/([^/]+)\/case-team(\/candidates)?$/.exec(path);
  if (team) return caseTeamApi(req, res, url, user, team[1], team[2] !== undefined);

  const m = /^\/api\/v1\/pupils\/([^/]+)(?:\/(notes|audit))?$/.exec(path);
  if (m) {
    const pupil = db.pupils.find((p) => p.id === m[1]);
    const acc = pupil && access(user, pupil);
    if (!pupil || !acc) return problem(res, 404, 'not-found');
    const sub = m[2];
    if (!sub && method === 'GET') {
      audit(req, user, pupil, 'read', 'pupil');
      return send(res, 200, view(pupil, acc), { ETag: `"${pupil.version}"` });
    }
    if (!sub && method === 'PATCH') {
      if (!acc.canEdit) return problem(res, 403, 'forbidden');
      const ifMatch = req.headers['if-match'];
      if (!ifMatch) return problem(res, 428, 'precondition-required');
      const body = await readJson(req, res);
      if (!body) return;
      if (Number(String(ifMatch).replaceAll('"', '')) !== pupil.version) {
        return problem(res, 412, 'version-conflict', { current: view(pupil, acc) });
      }
      const errors = validatePatch(body);
      if (errors.length)
        return problem(res, 422, 'validation-failed', {
          detail: 'Een of meer velden zijn ongeldig.',
          errors,
        });
      for (const key of PATCH_FIELDS) {
        if (!(key in body)) continue;
        pupil[key] =
          key === 'supportNeeds' || key === 'factors'
            ? body[key].map((x) => ({ id: randomUUID(), ...x }))
            : body[key];
      }
      pupil.version += 1;
      audit(req, user, pupil, 'update', 'pupil');
      return send(res, 200, view(pupil, acc), { ETag: `"${pupil.version}"` });
    }
    if (sub === 'notes' && acc.scope === 'full') {
      if (method === 'GET') {
        audit(req, user, pupil, 'read', 'pupil.notes');
        return send(res, 200, { items: [...pupil.notes].reverse() });
      }
      if (method === 'POST') {
        const body = await readJson(req, res);
        if (!body) return;
        const kind = body.kind ?? 'note';
        const errors = [];
        if (typeof body.body !== 'string' || body.body.trim() === '')
          errors.push({ name: 'body', code: 'required', reason: 'Verplicht.' });
        else if (body.body.length > 10000)
          errors.push({ name: 'body', code: 'too-long', reason: 'Maximaal 10000 tekens.' });
        if (!['note', 'conversation', 'meeting', 'decision'].includes(kind))
          errors.push({ name: 'kind', code: 'invalid-value', reason: 'Onbekende soort.' });
        if (errors.length) return problem(res, 422, 'validation-failed', { errors });
        const created = note(user, kind, body.body);
        pupil.notes.push(created);
        audit(req, user, pupil, 'create', 'pupil.notes');
        return send(res, 201, created, {
          Location: `/api/v1/pupils/${pupil.id}/notes/${created.id}`,
        });
      }
    }
    if (sub === 'notes')
      return problem(
        res,
        acc.scope === 'full' ? 405 : 403,
        acc.scope === 'full' ? 'method-not-allowed' : 'forbidden',
      );
    if (sub === 'audit' && method === 'GET') {
      if (acc.scope !== 'full') return problem(res, 403, 'forbidden');
      audit(req, user, pupil, 'read', 'pupil.audit');
      const page = Number(url.searchParams.get('page') ?? 1);
      const pageSize = Number(url.searchParams.get('pageSize') ?? 50);
      const items = [...pupil.audit].reverse();
      return send(res, 200, {
        items: items.slice((page - 1) * pageSize, page * pageSize),
        page,
        pageSize,
        total: items.length,
      });
    }
    return problem(res, 405, 'method-not-allowed');
  }
  return problem(res, 404, 'not-found');
}

// ---------------------------------------------------------------- case team (betrokkenen)

// As src/domain/case_team.hpp: the roles in a case, in the order of the choice list.
const CASE_ROLES = [
  'coördinator passend onderwijs',
  'intern begeleider',
  'zorgcoördinator',
  'mentor',
  'leerkracht',
  'orthopedagoog',
  'consulent SWV',
  'leerplichtambtenaar',
  'consulent gemeente',
  'medewerker wijkteam',
  'jeugdhulpverlener',
  'zorgaanbieder',
  'schoolmaatschappelijk werker',
  'contactpersoon ouders',
  'anders',
];
const CASE_RULES = {
  'no-case-lead':
    'Wijs één betrokkene aan als regisseur: een casus heeft altijd precies één regisseur.',
  'case-lead-removed':
    'U verwijdert de regisseur. Wijs in dezelfde wijziging een nieuwe regisseur aan.',
  'two-case-leads': 'Er kan maar één regisseur zijn. Kies één van hen.',
  'duplicate-member': 'Deze persoon staat al bij de betrokkenen.',
  'unknown-user': 'Deze persoon heeft geen account in Eenplan.',
  'admin-cannot-join':
    'De SWV-beheerder beheert accounts en ziet geen dossiers, en kan dus geen betrokkene zijn.',
  'account-disabled':
    'Het account van deze persoon is geblokkeerd; een geblokkeerd account kan niet worden toegevoegd.',
  'unknown-case-role': 'Kies een rol uit de lijst.',
  'too-many-members': 'Een casus heeft hoogstens 20 betrokkenen.',
};
const fold = (text) =>
  text
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase();

function caseTeamView(pupil, acc) {
  const members = [...pupil.caseTeam].sort(
    (a, b) =>
      Number(b.isCaseLead) - Number(a.isCaseLead) ||
      a.displayName.localeCompare(b.displayName, 'nl'),
  );
  return {
    pupilId: pupil.id,
    version: pupil.caseTeamVersion,
    members,
    caseRoles: CASE_ROLES,
    access: { canEdit: acc.canEditCaseTeam },
  };
}

/** The timeline's system entry, worded as the server words it (src/domain/case_team_change.cpp). */
function caseTeamChangeText(before, after) {
  const find = (team, id) => team.find((m) => m.userId === id);
  const parts = [];
  for (const m of after)
    if (!find(before, m.userId)) parts.push(`${m.displayName} toegevoegd (${m.caseRole})`);
  for (const m of before) if (!find(after, m.userId)) parts.push(`${m.displayName} verwijderd`);
  for (const m of after) {
    const was = find(before, m.userId);
    if (was && was.caseRole !== m.caseRole)
      parts.push(`${m.displayName} is nu ${m.caseRole} (was: ${was.caseRole})`);
  }
  const leadBefore = before.find((m) => m.isCaseLead);
  const leadAfter = after.find((m) => m.isCaseLead);
  if (leadAfter && leadBefore?.userId !== leadAfter.userId)
    parts.push(
      leadBefore
        ? `${leadAfter.displayName} is nu regisseur (was: ${leadBefore.displayName})`
        : `${leadAfter.displayName} is nu regisseur`,
    );
  // The mock keeps no tasks, so none are handed over with regie.
  return `Betrokkenen gewijzigd: ${parts.join('; ')}`;
}

/** Every broken rule of a proposed team as { name, code, reason }; empty when it may be saved. */
function caseTeamRuleErrors(pupil, proposed) {
  const errors = [];
  const add = (name, code) => errors.push({ name, code, reason: CASE_RULES[code] });
  const seen = new Set();
  proposed.forEach((m, i) => {
    const account = db.users.find((u) => u.id === m.userId);
    const before = pupil.caseTeam.find((c) => c.userId === m.userId);
    if (seen.has(m.userId)) add(`members[${i}].userId`, 'duplicate-member');
    else if (!account) add(`members[${i}].userId`, 'unknown-user');
    else if (account.role === 'swv_admin') add(`members[${i}].userId`, 'admin-cannot-join');
    else if (account.disabled && !before) add(`members[${i}].userId`, 'account-disabled');
    seen.add(m.userId);
    if (!CASE_ROLES.includes(m.caseRole) && before?.caseRole !== m.caseRole)
      add(`members[${i}].caseRole`, 'unknown-case-role');
  });
  if (proposed.length > 20) add('members', 'too-many-members');
  const leads = proposed.flatMap((m, i) => (m.isCaseLead ? [i] : []));
  if (leads.length === 0) {
    const lead = pupil.caseTeam.find((m) => m.isCaseLead);
    const left = lead && !proposed.some((m) => m.userId === lead.userId);
    add('members', left ? 'case-lead-removed' : 'no-case-lead');
  }
  for (const i of leads.slice(1)) add(`members[${i}].isCaseLead`, 'two-case-leads');
  return errors;
}

async function caseTeamApi(req, res, url, user, pupilId, candidates) {
  const pupil = db.pupils.find((p) => p.id === pupilId);
  const acc = pupil && access(user, pupil);
  if (!pupil || !acc) return problem(res, 404, 'not-found');
  if (acc.scope !== 'full') return problem(res, 403, 'forbidden');
  if (candidates) {
    if (req.method !== 'GET') return problem(res, 405, 'method-not-allowed');
    if (!acc.canEditCaseTeam) return problem(res, 403, 'forbidden');
    const q = fold(url.searchParams.get('q') ?? '');
    const limit = Number(url.searchParams.get('limit') ?? 20);
    if (!Number.isInteger(limit) || limit < 1 || limit > 50 || q.length > 100)
      return problem(res, 400, 'bad-request');
    const matches = db.users
      .filter((u) => !u.disabled && u.role !== 'swv_admin')
      .filter(
        (u) =>
          !q || fold(u.displayName).includes(q) || fold(u.organisations[0]?.name ?? '').includes(q),
      )
      .sort((a, b) => a.displayName.localeCompare(b.displayName, 'nl'));
    return send(res, 200, {
      items: matches.slice(0, limit).map((u) => ({
        userId: u.id,
        displayName: u.displayName,
        role: u.role,
        organisation: u.organisations[0] ?? null,
      })),
      total: matches.length,
      limit,
    });
  }
  if (req.method === 'GET') {
    audit(req, user, pupil, 'read', 'pupil.case_team');
    return send(res, 200, caseTeamView(pupil, acc), { ETag: `"${pupil.caseTeamVersion}"` });
  }
  if (req.method !== 'PUT') return problem(res, 405, 'method-not-allowed');
  if (!acc.canEditCaseTeam) return problem(res, 403, 'forbidden');
  const ifMatch = req.headers['if-match'];
  if (!ifMatch) return problem(res, 428, 'precondition-required');
  const body = await readJson(req, res);
  if (!body) return;
  if (Number(String(ifMatch).replaceAll('"', '')) !== pupil.caseTeamVersion)
    return problem(
      res,
      412,
      'version-conflict',
      { current: caseTeamView(pupil, acc) },
      { ETag: `"${pupil.caseTeamVersion}"` },
    );
  if (!Array.isArray(body.members))
    return problem(res, 422, 'validation-failed', {
      errors: [{ name: 'members', code: 'required', reason: 'Verplicht.' }],
    });
  const proposed = body.members.map((m) => ({
    userId: String(m?.userId ?? ''),
    caseRole: String(m?.caseRole ?? ''),
    isCaseLead: m?.isCaseLead === true,
  }));
  const same = (a, b) => a.caseRole === b.caseRole && a.isCaseLead === b.isCaseLead;
  const unchanged =
    proposed.length === pupil.caseTeam.length &&
    proposed.every((m) => {
      const c = pupil.caseTeam.find((x) => x.userId === m.userId);
      return c && same(c, m);
    });
  if (unchanged)
    return send(res, 200, caseTeamView(pupil, acc), { ETag: `"${pupil.caseTeamVersion}"` });
  const errors = caseTeamRuleErrors(pupil, proposed);
  if (errors.length) return problem(res, 422, errors[0].code, { detail: errors[0].reason, errors });
  const before = pupil.caseTeam;
  pupil.caseTeam = proposed.map((m) => {
    const u = db.users.find((x) => x.id === m.userId);
    return {
      userId: u.id,
      displayName: u.displayName,
      role: u.role,
      organisation: u.organisations[0] ?? null,
      caseRole: m.caseRole,
      isCaseLead: m.isCaseLead,
    };
  });
  pupil.caseTeamVersion += 1;
  // As the server: a system entry in the timeline and one audit event, with the change.
  pupil.notes.push(note(user, 'case_team_change', caseTeamChangeText(before, pupil.caseTeam)));
  audit(req, user, pupil, 'update', 'pupil.case_team');
  const now = access(user, pupil) ?? { canEditCaseTeam: false };
  return send(res, 200, caseTeamView(pupil, now), { ETag: `"${pupil.caseTeamVersion}"` });
}

// ---------------------------------------------------------------- accounts (swv_admin only)

const ROLES = [
  'swv_admin',
  'swv_consultant',
  'school_coordinator',
  'teacher',
  'orthopedagogue',
  'attendance_officer',
  'municipality_consultant',
  'care_provider',
];

const userAccount = (u) => ({
  id: u.id,
  username: u.username,
  displayName: u.displayName,
  role: u.role,
  disabled: u.disabled,
  version: u.version,
  organisations: u.organisations,
  linkedSchools: u.linkedSchools,
});

function endSessionsOf(userId) {
  for (const [token, s] of sessions) if (s.userId === userId) sessions.delete(token);
}

function lengthError(errors, name, value, min, max) {
  if (typeof value !== 'string' || value === '')
    errors.push({ name, code: 'required', reason: 'Verplicht.' });
  else if (value.length < min)
    errors.push({ name, code: 'too-short', reason: `Minimaal ${min} tekens.` });
  else if (value.length > max)
    errors.push({ name, code: 'too-long', reason: `Maximaal ${max} tekens.` });
}

async function usersApi(req, res, url, session) {
  const { method } = req;
  if (session.user.role !== 'swv_admin') return problem(res, 403, 'forbidden');
  if (url.pathname === '/api/v1/users') {
    if (method === 'GET') {
      const q = (url.searchParams.get('q') ?? '').toLowerCase();
      const role = url.searchParams.get('role') ?? '';
      if (role && !ROLES.includes(role)) return problem(res, 400, 'bad-request');
      const items = db.users
        .filter((u) => !role || u.role === role)
        .filter(
          (u) =>
            !q || u.username.toLowerCase().includes(q) || u.displayName.toLowerCase().includes(q),
        )
        .sort((a, b) => a.displayName.localeCompare(b.displayName, 'nl'))
        .map(userAccount);
      return send(res, 200, { items });
    }
    if (method === 'POST') {
      const body = await readJson(req, res);
      if (!body) return;
      const errors = [];
      lengthError(errors, 'username', body.username, 3, 64);
      if (!errors.length && !/^[a-z0-9._-]+$/.test(body.username))
        errors.push({ name: 'username', code: 'invalid-value', reason: 'Ongeldige tekens.' });
      else if (!errors.length && db.users.some((u) => u.username === body.username))
        errors.push({ name: 'username', code: 'duplicate', reason: 'Bestaat al.' });
      lengthError(errors, 'displayName', body.displayName, 1, 100);
      if (typeof body.role !== 'string' || body.role === '')
        errors.push({ name: 'role', code: 'required', reason: 'Verplicht.' });
      else if (!ROLES.includes(body.role))
        errors.push({ name: 'role', code: 'invalid-value', reason: 'Onbekende rol.' });
      lengthError(errors, 'password', body.password, 12, 1024);
      const orgIds = Array.isArray(body.organisationIds) ? body.organisationIds : [];
      if (!orgIds.length)
        errors.push({ name: 'organisationIds', code: 'required', reason: 'Verplicht.' });
      else if (orgIds.some((id) => !db.orgs.some((o) => o.id === id)))
        errors.push({ name: 'organisationIds', code: 'invalid-value', reason: 'Onbekend.' });
      const linked = Array.isArray(body.linkedSchoolIds) ? body.linkedSchoolIds : [];
      if (linked.length && body.role !== 'swv_consultant')
        errors.push({
          name: 'linkedSchoolIds',
          code: 'invalid-value',
          reason: 'Alleen consulent.',
        });
      else if (linked.some((id) => !db.schools.some((o) => o.id === id)))
        errors.push({ name: 'linkedSchoolIds', code: 'invalid-value', reason: 'Geen school.' });
      if (errors.length)
        return problem(res, 422, 'validation-failed', {
          detail: 'Een of meer velden zijn ongeldig.',
          errors,
        });
      const created = {
        id: randomUUID(),
        username: body.username,
        displayName: body.displayName,
        role: body.role,
        password: body.password,
        organisations: orgIds.map((id) => ref(db.orgs.find((o) => o.id === id))),
        linkedSchools: linked.map((id) => ref(db.schools.find((o) => o.id === id))),
        municipality: null,
        disabled: false,
        version: 1,
      };
      db.users.push(created);
      return send(res, 201, userAccount(created), { Location: `/api/v1/users/${created.id}` });
    }
    return problem(res, 405, 'method-not-allowed');
  }
  const m = /^\/api\/v1\/users\/([^/]+)(\/password)?$/.exec(url.pathname);
  const target = m && db.users.find((u) => u.id === m[1]);
  if (!target) return problem(res, 404, 'not-found');
  if (m[2] && method === 'PUT') {
    const body = await readJson(req, res);
    if (!body) return;
    const errors = [];
    lengthError(errors, 'password', body.password, 12, 1024);
    if (errors.length) return problem(res, 422, 'validation-failed', { errors });
    target.password = body.password;
    endSessionsOf(target.id);
    return send(res, 204, undefined);
  }
  if (!m[2] && method === 'PATCH') {
    const ifMatch = req.headers['if-match'];
    if (!ifMatch) return problem(res, 428, 'precondition-required');
    const body = await readJson(req, res);
    if (!body) return;
    if (Number(String(ifMatch).replaceAll('"', '')) !== target.version)
      return problem(res, 412, 'version-conflict', { current: userAccount(target) });
    const errors = [];
    if ('displayName' in body) lengthError(errors, 'displayName', body.displayName, 1, 100);
    if ('disabled' in body && typeof body.disabled !== 'boolean')
      errors.push({ name: 'disabled', code: 'invalid-type', reason: 'Waar of onwaar.' });
    else if (body.disabled === true && target.id === session.user.id)
      errors.push({ name: 'disabled', code: 'invalid-value', reason: 'Niet uzelf.' });
    if (errors.length) return problem(res, 422, 'validation-failed', { errors });
    if ('displayName' in body) target.displayName = body.displayName;
    if ('disabled' in body) {
      target.disabled = body.disabled;
      if (body.disabled) endSessionsOf(target.id);
    }
    target.version += 1;
    return send(res, 200, userAccount(target), { ETag: `"${target.version}"` });
  }
  return problem(res, 405, 'method-not-allowed');
}

function mockHooks(req, res, url) {
  if (req.method !== 'POST') return problem(res, 405, 'method-not-allowed');
  if (url.pathname === '/__mock/reset') {
    db = initialData();
    sessions.clear();
    failures.clear();
    return send(res, 204);
  }
  if (url.pathname === '/__mock/expire-sessions') {
    sessions.clear();
    return send(res, 204);
  }
  const m = /^\/__mock\/bump\/([^/]+)$/.exec(url.pathname);
  const pupil = m && db.pupils.find((p) => p.id === m[1]);
  if (!pupil) return problem(res, 404, 'not-found');
  pupil.loadCapacity =
    `${pupil.loadCapacity} (aangepast door een collega om ${new Date().toLocaleTimeString('nl-NL')})`.trim();
  pupil.version += 1;
  return send(res, 200, { version: pupil.version });
}

const TYPES = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript',
  '.css': 'text/css',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.json': 'application/json',
};

async function staticFile(req, res, url) {
  const rel = normalize(decodeURIComponent(url.pathname)).replace(/^(\.\.[/\\])+/, '');
  let file = join(DIST, rel);
  if (
    !file.startsWith(DIST) ||
    !(await stat(file).then(
      (s) => s.isFile(),
      () => false,
    ))
  )
    file = join(DIST, 'index.html');
  try {
    const body = await readFile(file);
    res.writeHead(200, {
      'Content-Type': TYPES[extname(file)] ?? 'application/octet-stream',
      'Content-Security-Policy': CSP,
      'X-Content-Type-Options': 'nosniff',
      'Referrer-Policy': 'same-origin',
    });
    res.end(body);
  } catch {
    res.writeHead(503, { 'Content-Type': 'text/plain; charset=utf-8' });
    res.end('web/dist ontbreekt: voer eerst "npm run build" uit in web/.\n');
  }
}

createServer((req, res) => {
  const url = new URL(req.url, 'http://localhost');
  const handle = url.pathname.startsWith('/api/')
    ? api(req, res, url)
    : url.pathname === '/healthz'
      ? Promise.resolve(send(res, 200, { status: 'ok' }))
      : url.pathname.startsWith('/__mock/')
        ? Promise.resolve(mockHooks(req, res, url))
        : staticFile(req, res, url);
  handle.catch((error) => {
    console.error(error);
    if (!res.headersSent) problem(res, 500, 'internal');
    else res.end();
  });
}).listen(PORT, '127.0.0.1', () => {
  console.log(
    `Eenplan mock API on http://localhost:${PORT} (accounts: web/dev/mock-accounts.json)`,
  );
});
