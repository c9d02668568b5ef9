/** The HTTP server's express app: health, the JSON API, the bot endpoint and the static pages. */
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import express, { type Express, type NextFunction, type Request, type RequestHandler, type Response } from 'express';
import type { Logger, RetentionPolicy } from '../domain';
import { readinessCheck, type ReadinessCheck, type UseCaseDeps } from '../use-cases';
import type { Authenticate } from './auth';
import { errorHandler, HttpProblem } from './error-response';
import { incidentRoutes } from './incident-routes';
import { localProfileGuard } from './local-guard';
import { routeOf } from './logger';
import { registerRoutes } from './register-routes';
import { retentionRoutes } from './retention-routes';
import { securityHeaders } from './security-headers';
import { sendCheckRoutes } from './send-check-routes';

export interface AppOptions {
  deps: UseCaseDeps;
  logger: Logger;
  authenticate: Authenticate;
  profile: 'local' | 'entra';
  /** Folder holding the built pages (`tab/`, `outlook/`); default `dist/` of the working directory. */
  staticRoot?: string;
  /** The bot's endpoint handler, mounted at POST /api/messages. */
  botHandler?: RequestHandler;
  /** Further API routers (register, …), mounted under /api after authentication. */
  apiRouters?: express.Router[];
  /** Origins besides our own that may call the API from a browser. */
  corsOrigins?: string[];
  /** What the pages need to know (served as `config.json` beside each page); never secrets. */
  clientConfig: ClientConfig;
  /** What the records plan says (RETENTION_*), for the DPO's retention run; default keep. */
  retention?: RetentionPolicy;
  /** Answers `/readyz`; default: a check of the deps' store. */
  readiness?: ReadinessCheck;
  /** The server's public https address (PUBLIC_URL): the check on Send posts its counts there. Absent: the request's host. */
  publicUrl?: string;
}

/** The settings the tab and the add-in read from `config.json` at start. */
export interface ClientConfig {
  profile: 'local' | 'entra';
  organisationName: string;
  organisationDomains: string[];
  /** The Outlook add-in's check on Send (absent: on, nothing trusted, no extra words). */
  sendCheck?: { enabled: boolean; trustedExternalDomains: string[]; sensitiveWords: string[] };
  auth?: { clientId: string; authority: string; scopes: string[] };
}

const DEFAULT_CORS = [
  'https://teams.microsoft.com',
  'https://teams.cloud.microsoft',
  'https://outlook.office.com',
  'https://outlook.office365.com',
  'https://outlook.cloud.microsoft',
];

function cors(origins: string[]): RequestHandler {
  return (req, res, next) => {
    const origin = req.headers.origin;
    if (origin && origins.includes(origin)) {
      res.setHeader('Access-Control-Allow-Origin', origin);
      res.setHeader('Vary', 'Origin');
      res.setHeader('Access-Control-Allow-Headers', 'Authorization, Content-Type, If-Match, Accept-Language');
      res.setHeader('Access-Control-Allow-Methods', 'GET, POST');
      res.setHeader('Access-Control-Expose-Headers', 'ETag, Location');
    }
    if (req.method === 'OPTIONS') {
      res.status(204).end();
      return;
    }
    next();
  };
}

/** A body must be JSON; a change without a body (take ownership) is fine. */
function requireJson(req: Request, _res: Response, next: NextFunction): void {
  const hasBody = Number(req.headers['content-length'] ?? 0) > 0 || req.headers['transfer-encoding'] !== undefined;
  if (req.method === 'POST' && hasBody && !req.is('application/json')) {
    next(
      new HttpProblem(
        415,
        'unsupported_media_type',
        'Uppgifterna ska skickas som JSON (Content-Type: application/json).',
        'Send the data as JSON (Content-Type: application/json).',
      ),
    );
    return;
  }
  next();
}

function authenticated(authenticate: Authenticate): RequestHandler {
  return async (req, _res, next) => {
    const devRole = req.headers['x-dev-role'];
    const devUser = req.headers['x-dev-user'];
    (req as Request & { caller: unknown }).caller = await authenticate({
      authorization: req.headers.authorization,
      devRole: typeof devRole === 'string' ? devRole : undefined,
      devUser: typeof devUser === 'string' ? devUser : undefined,
    });
    next();
  };
}

function requestLog(logger: Logger): RequestHandler {
  return (req, res, next) => {
    const started = process.hrtime.bigint();
    const base = req.baseUrl;
    res.on('finish', () => {
      // The declared route only: no ids as sent, no query strings, no bodies.
      logger.info('request', {
        method: req.method,
        path: routeOf(req, base),
        status: res.statusCode,
        ms: Number((process.hrtime.bigint() - started) / 1_000_000n),
      });
    });
    next();
  };
}

/** The answer to a path that names nothing (outside /api, which answers in JSON). */
export const NOT_FOUND_TEXT = 'Sidan finns inte i PUI Desk. / There is no such page in PUI Desk.\n';

export function createApp(options: AppOptions): Express {
  const app = express();
  app.disable('x-powered-by');
  app.set('trust proxy', false);
  app.use(securityHeaders(options.profile));
  if (options.profile === 'local') app.use(localProfileGuard());

  // Alive: the process answers (App Service's health check). Ready: the store answers too, and the
  // instance is not stopping. Neither says anything about incidents.
  app.get('/healthz', (_req, res) => {
    res.json({ status: 'ok', profile: options.profile });
  });
  const readiness = options.readiness ?? readinessCheck(options.deps);
  app.get('/readyz', (_req, res, next) => {
    readiness.check().then((answer) => {
      res.setHeader('Cache-Control', 'no-store');
      if (answer.ready) res.json({ status: 'ready', checkedAt: answer.checkedAt });
      else
        res
          .status(503)
          .setHeader('Retry-After', '5')
          .json({ status: 'unavailable', code: answer.reason, checkedAt: answer.checkedAt });
    }, next);
  });

  if (options.botHandler) {
    app.post('/api/messages', express.json({ limit: '256kb' }), options.botHandler);
  }

  const api = express.Router();
  api.use(requestLog(options.logger));
  api.use(cors([...DEFAULT_CORS, ...(options.corsOrigins ?? [])]));
  api.use(requireJson);
  api.use(express.json({ limit: '64kb', strict: true }));
  api.use(authenticated(options.authenticate));
  api.get('/me', (req, res) => {
    const caller = (req as Request & { caller: { id: string; name: string; roles: string[] } }).caller;
    res.json({ id: caller.id, name: caller.name, roles: caller.roles, profile: options.profile });
  });
  api.use(incidentRoutes(options.deps));
  api.use(registerRoutes(options.deps));
  api.use(retentionRoutes(options.deps, options.retention ?? { kind: 'keep' }));
  api.use(sendCheckRoutes(options.deps));
  for (const router of options.apiRouters ?? []) api.use(router);
  api.use((_req, _res, next) =>
    next(new HttpProblem(404, 'not_found', 'Adressen finns inte i API:et.', 'No such API route.')),
  );
  app.use('/api', api);

  const staticRoot = options.staticRoot ?? path.resolve('dist');
  // The Smart Alerts script with its settings in front, so the handler fetches nothing at Send.
  // The JS-only runtime of classic Outlook fetches absolute addresses only.
  const baseOf = (req: Request) => (options.publicUrl ?? `${req.protocol}://${req.get('host')}`).replace(/\/+$/, '');
  app.get('/outlook/send-check.js', (req, res, next) => {
    readFile(path.join(staticRoot, 'outlook', 'send-check.js'), 'utf8').then(
      (code) => {
        const settings = {
          enabled: options.clientConfig.sendCheck?.enabled ?? true,
          organisationDomains: options.clientConfig.organisationDomains,
          trustedExternalDomains: options.clientConfig.sendCheck?.trustedExternalDomains ?? [],
          sensitiveWords: options.clientConfig.sendCheck?.sensitiveWords ?? [],
          eventsUrl: `${baseOf(req)}/api/send-check/events`,
          signIn: options.profile === 'entra',
        };
        res
          .setHeader('Cache-Control', 'no-store')
          .type('text/javascript; charset=utf-8')
          .send(`globalThis.PUI_SEND_CHECK_SETTINGS=${JSON.stringify(settings)};\n${code}`);
      },
      () => next(),
    );
  });
  // The scripts that may get a sign-in token or call the API from Outlook's event runtime (classic
  // Outlook on Windows checks this list before the handler's SSO or CORS request).
  app.get('/.well-known/microsoft-officeaddins-allowed.json', (req, res) => {
    res.setHeader('Cache-Control', 'no-cache').json({ allowed: [`${baseOf(req)}/outlook/send-check.js`] });
  });
  for (const page of ['tab', 'outlook']) {
    app.get(`/${page}/config.json`, (_req, res) => {
      res.setHeader('Cache-Control', 'no-store').json(options.clientConfig);
    });
    app.use(
      `/${page}`,
      express.static(path.join(staticRoot, page), { index: 'index.html', fallthrough: true, maxAge: 0 }),
    );
  }
  app.get('/', (_req, res) => {
    res.redirect('/tab/');
  });
  // Anything else: one fixed answer. Express's own page would echo the path, and a path can hold
  // what someone typed (`/19121212-1212`).
  app.use((_req, res) => {
    res.status(404).type('text/plain; charset=utf-8').send(NOT_FOUND_TEXT);
  });

  app.use(errorHandler(options.logger));
  return app;
}
