/**
 * Builds the central server's Fastify app without listening, so tests drive it with `inject` and
 * index.ts decides where it listens. The database must already be migrated.
 */
import { join } from 'node:path';
import cors from '@fastify/cors';
import Fastify from 'fastify';
import type { FastifyInstance } from 'fastify';
import { DEVICE_ID_HEADER, DEVICE_SECRET_HEADER } from '../../shared/schemas/device';
import { REQUEST_ID_HEADER } from '../../shared/http/requestId';
import { DOCUMENT_BUNDLE_HEADER, PROTOCOL_HEADER } from '../../shared/sync/protocol';
import type { AppContext } from './context/appContext';
import { createAuditTrail } from './audit/auditTrail';
import { registerPublicViewAudit } from './audit/publicViewAudit';
import { registerDeviceLastSeen } from './auth/deviceLastSeen';
import { registerAuthorization } from './authz/authorization';
import { isAllowedOrigin } from './context/config';
import type { ServerConfig } from './context/config';
import type { Database } from './db/database';
import { registerErrorHandling, replyWithError } from './http/errorHandling';
import { registerForwardedCheck } from './http/forwardedFor';
import { serverLoggerOptions } from './http/serverLogger';
import type { LogDestination } from './http/serverLogger';
import { registerSecurityHeaders } from './http/securityHeaders';
import { newRequestId, registerRequestIdHeader } from './http/requestIdHeader';
import { registerDocumentRoutes } from './routes/documentRoutes';
import { registerAdminRoutes } from './routes/adminRoutes';
import { registerAdminUserRoutes } from './routes/adminUserRoutes';
import { registerAuditRoutes } from './routes/auditRoutes';
import { registerAuthRoutes } from './routes/authRoutes';
import { registerCaseLookupRoutes } from './routes/caseLookupRoutes';
import { registerCaseNumberRoutes } from './routes/caseNumberRoutes';
import { registerDevicePolicyRoutes } from './routes/devicePolicyRoutes';
import { registerDeviceRoutes } from './routes/deviceRoutes';
import { registerFrontOfficeReportRoutes } from './routes/frontOfficeReportRoutes';
import { registerHealthRoutes } from './routes/healthRoutes';
import { registerJobs } from './jobs/registerJobs';
import { registerPublicRoutes } from './routes/publicRoutes';
import { registerReferenceRoutes } from './routes/referenceRoutes';
import { registerReportRoutes } from './routes/reportRoutes';
import { registerSupervisorRoutes } from './routes/supervisorRoutes';
import { registerSyncRoutes } from './routes/syncRoutes';
import { registerUnitRoutes } from './routes/unitRoutes';
import { registerVisitRoutes } from './routes/visitRoutes';
import { registerQueueRoutes } from './routes/queueRoutes';
import { registerKioskRoutes } from './routes/kioskRoutes';
import { registerDisplayRoutes } from './routes/displayRoutes';
import type { DisplayStreamOptions } from './routes/displayRoutes';
import { registerRatingRoutes } from './routes/ratingRoutes';
import { registerSurveyRoutes } from './routes/surveyRoutes';
import { registerFrontOfficePageRoutes } from './routes/frontOfficePageRoutes';
import { registerCatalogueEditRoutes } from './routes/catalogueEditRoutes';
import { registerServiceTableRoutes } from './routes/serviceTableRoutes';
import { installedAuditKey } from './store/installedAuditKey';

export interface BuildAppOptions {
  db: Database;
  config: ServerConfig;
  /** The server's clock; tests pass their own to move time. */
  now?: () => Date;
  /** Where document uploads and blobs live; `<dataDir>/documents` when absent. */
  documentsDir?: string;
  /** PEM certificate and key: the app then serves HTTPS (see server/src/tls/). */
  https?: { cert: string; key: string };
  /** Where log lines go instead of stdout (tests read them). */
  logDestination?: LogDestination;
  /** The hall display's streams: how many per process and how often a heartbeat (tests make them small). */
  displayStreams?: DisplayStreamOptions;
}

/** Fastify with the server's own logger, proxies, limits and request ids. */
function createFastify(options: BuildAppOptions): FastifyInstance {
  const { config } = options;
  return Fastify({
    ...(options.https ? { https: options.https } : {}),
    logger: serverLoggerOptions(config.logLevel, options.logDestination),
    // Only the named proxies' X-Forwarded-For sets request.ip (http/forwardedFor.ts).
    trustProxy: config.trustProxy.length > 0 ? [...config.trustProxy] : false,
    bodyLimit: config.bodyLimitBytes,
    requestTimeout: 60_000,
    genReqId: newRequestId,
    return503OnClosing: true,
    frameworkErrors: (error, request, reply) => {
      replyWithError(error, request, reply);
    },
  });
}

/** What every request passes through before its route: errors, headers, proxies, who may call it, CORS. */
async function registerPlumbing(app: FastifyInstance, context: AppContext): Promise<void> {
  const { config } = context;
  registerErrorHandling(app);
  registerSecurityHeaders(app);
  registerRequestIdHeader(app);
  registerForwardedCheck(app, config);
  // Before any route: every route registered after this must declare who may call it.
  registerAuthorization(app, context);
  registerPublicViewAudit(app, context);
  registerDeviceLastSeen(app, context);
  await app.register(cors, {
    origin: (origin, callback) => callback(null, origin === undefined || isAllowedOrigin(origin, config.corsOrigins)),
    methods: ['GET', 'POST', 'HEAD', 'PATCH', 'DELETE', 'PUT'],
    allowedHeaders: ['authorization', 'content-type', DOCUMENT_BUNDLE_HEADER, PROTOCOL_HEADER, DEVICE_ID_HEADER, DEVICE_SECRET_HEADER, 'tus-resumable', 'upload-length', 'upload-offset', 'upload-metadata', 'upload-defer-length', 'upload-concat', 'x-http-method-override', 'x-requested-with', 'if-none-match'],
    exposedHeaders: [REQUEST_ID_HEADER, 'location', 'upload-offset', 'upload-length', 'upload-metadata', 'tus-resumable', 'tus-version', 'tus-max-size', 'tus-extension'],
    maxAge: 600,
  });
}

/** Every route, then the background jobs (which share the audit trail and the documents folder). */
async function registerRoutes(app: FastifyInstance, context: AppContext, options: BuildAppOptions): Promise<void> {
  const { config } = context;
  registerHealthRoutes(app, context);
  registerAuthRoutes(app, context);
  registerDeviceRoutes(app, context);
  registerAdminRoutes(app, context);
  registerAdminUserRoutes(app, context);
  registerUnitRoutes(app, context);
  const auditTrail = createAuditTrail({ db: options.db, key: installedAuditKey(), anchorFile: config.auditAnchorFile, now: context.now });
  registerAuditRoutes(app, context, auditTrail);
  registerSyncRoutes(app, context);
  registerCaseNumberRoutes(app, context);
  registerReferenceRoutes(app, context);
  registerDevicePolicyRoutes(app, context);
  const documentsDir = options.documentsDir ?? join(config.dataDir, 'documents');
  await registerDocumentRoutes(app, context, { dir: documentsDir });
  registerPublicRoutes(app, context);
  registerSupervisorRoutes(app, context);
  registerReportRoutes(app, context);
  registerVisitRoutes(app, context);
  registerCaseLookupRoutes(app, context);
  registerFrontOfficeReportRoutes(app, context);
  registerQueueRoutes(app, context);
  registerKioskRoutes(app, context);
  registerDisplayRoutes(app, context, options.displayStreams);
  registerSurveyRoutes(app, context);
  registerRatingRoutes(app, context);
  registerFrontOfficePageRoutes(app, context);
  registerCatalogueEditRoutes(app, context);
  registerServiceTableRoutes(app, context);
  registerJobs(app, context, { documentsDir, auditTrail });
}

export async function buildApp(options: BuildAppOptions): Promise<FastifyInstance> {
  const app = createFastify(options);
  const context: AppContext = {
    db: options.db,
    config: options.config,
    now: options.now ?? (() => new Date()),
    serviceIds: new Set(options.config.serviceIds),
  };
  await registerPlumbing(app, context);
  await registerRoutes(app, context, options);
  await app.ready();
  return app;
}
