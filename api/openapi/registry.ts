import type { Request, RequestHandler, Response, Router } from 'express';
import { z } from 'zod';
import { grantFor, routeAccess, type Grant } from '../../domain/access-policy.js';
import { ForbiddenError, NotFoundError } from '../../domain/errors.js';
import { roles } from '../../domain/roles.js';
import type { References } from '../access/references.js';
import type { AuthUser } from '../http/types.js';
import { idParam } from '../http/simple-rest.js';
import { parseOrThrow, strictObjects } from '../http/validate.js';

// Every route is declared once with its zod schemas: the same objects validate the request and
// produce the OpenAPI document, so the document cannot drift from what the API accepts.

type Method = 'get' | 'post' | 'put' | 'delete';

export interface RouteSpec<B extends z.ZodType = z.ZodType, Q extends z.ZodType = z.ZodType> {
  method: Method;
  path: string; // Express syntax: /api/org-units/:id
  tag: string;
  summary: string;
  description?: string;
  public?: boolean; // who may call the others is domain/access-policy.ts's to say, not the route's
  body?: B;
  query?: Q;
  list?: boolean; // a ra-data-simple-rest getList: documents sort/range/filter and Content-Range
  status?: number;
  response?: z.ZodType;
  /** Ids in the body that must name a record of a kind, in the caller's area (api/access/references.ts). */
  refs?: References;
}

export interface HandlerContext<B, Q> {
  req: Request;
  res: Response;
  user: AuthUser;
  body: B;
  query: Q;
  params: Record<string, string>;
}

/** Whether record `id` of `resource` lies in the user's scope (see api/access/visible-records.ts). */
export type RecordCheck = (resource: string, id: number, user: AuthUser) => Promise<boolean>;

/** Refuses a body whose ids name records that are missing, outside the caller's area or of the wrong kind. */
export type ReferenceCheck = (
  refs: References,
  body: unknown,
  user: AuthUser,
  params: Record<string, string>,
) => Promise<void>;

export interface RegisteredRoute extends RouteSpec {
  grant?: Grant; // absent only for public routes
}

export class ApiRegistry {
  readonly routes: RegisteredRoute[] = [];

  constructor(
    private readonly recordVisible: RecordCheck = async () => true,
    private readonly referencesHold: ReferenceCheck = async () => undefined,
  ) {}

  add<B extends z.ZodType, Q extends z.ZodType>(
    router: Router,
    spec: RouteSpec<B, Q>,
    handler: (ctx: HandlerContext<z.infer<B>, z.infer<Q>>) => Promise<unknown>,
  ): void {
    // Unknown body fields are refused, not dropped; the document says so (additionalProperties: false).
    const bodySchema = spec.body ? strictObjects(spec.body) : undefined;
    const { resource, action } = routeAccess(spec.method, spec.path);
    const grant = spec.public ? undefined : grantFor(resource, action);
    if (!spec.public && !grant)
      throw new Error(
        `${spec.method.toUpperCase()} ${spec.path}: no grant for ${resource}.${action} in domain/access-policy.ts`,
      );
    this.routes.push({ ...spec, body: bodySchema, grant });
    const checksRecord = (grant?.scope === 'area' || grant?.scope === 'own') && spec.path.includes('/:id');
    const wrapped: RequestHandler = async (req, res) => {
      const user = req.user as AuthUser;
      // The one place access is decided: the role from the policy, then the record's area,
      // before the body is read, so a record outside is 404 whatever is sent.
      if (grant && !grant.roles.includes(user.role)) throw new ForbiddenError();
      if (checksRecord && !(await this.recordVisible(resource, idParam(req.params.id as string), user)))
        throw new NotFoundError();
      // A body the JSON parser skipped (another Content-Type) would otherwise be read as `{}`,
      // and a route whose fields are all optional would act on it.
      const sentBody = req.get('transfer-encoding') !== undefined || Number(req.get('content-length')) > 0;
      if (bodySchema && req.body === undefined && sentBody) {
        throw Object.assign(new Error('请求体须为JSON (the request body must be application/json)'), { status: 415 });
      }
      const body = bodySchema
        ? parseOrThrow(bodySchema, req.body ?? {}, '请求内容无效 (invalid request body)')
        : undefined;
      const query = spec.query ? parseOrThrow(spec.query, { ...req.query }, '查询参数无效 (invalid query)') : undefined;
      // Before the handler sends anything to a workflow: a step naming a wrong record changes nothing.
      if (spec.refs) await this.referencesHold(spec.refs, body, user, req.params as Record<string, string>);
      const result = await handler({
        req,
        res,
        user,
        body: body as z.infer<B>,
        query: query as z.infer<Q>,
        params: req.params as Record<string, string>,
      });
      // A handler may choose another success status (e.g. 200 for "that exists already") in res.locals.status.
      if (!res.headersSent) res.status(res.locals.status ?? spec.status ?? 200).json(result);
    };
    router[spec.method](spec.path, wrapped);
  }

  isPublic(method: string, path: string): boolean {
    return this.routes.some((r) => r.public && r.method === method.toLowerCase() && r.path === path);
  }
}

export const jsonSchema = (schema: z.ZodType, io: 'input' | 'output') =>
  z.toJSONSchema(schema, { io, unrepresentable: 'any', target: 'openapi-3.0' });

const errorSchema = {
  type: 'object',
  properties: {
    message: { type: 'string' },
    errors: { type: 'object', additionalProperties: { type: 'string' }, description: 'one message per invalid field' },
  },
  required: ['message'],
};

export function openApiDocument(registry: ApiRegistry, info: { version: string }) {
  const paths: Record<string, Record<string, unknown>> = {};
  for (const r of registry.routes) {
    const oaPath = r.path.replace(/:(\w+)/g, '{$1}');
    const parameters: unknown[] = [...r.path.matchAll(/:(\w+)/g)].map((m) => ({
      name: m[1],
      in: 'path',
      required: true,
      schema: { type: 'string' },
    }));
    if (r.query) {
      const qs = jsonSchema(r.query, 'input') as { properties?: Record<string, unknown>; required?: string[] };
      for (const [name, schema] of Object.entries(qs.properties ?? {})) {
        parameters.push({ name, in: 'query', required: qs.required?.includes(name) ?? false, schema });
      }
    }
    if (r.method === 'post' && !r.public) {
      parameters.push({
        name: 'Idempotency-Key',
        in: 'header',
        required: false,
        description:
          'A repeat with the same key and body returns the stored original response; a different body gets 409.',
        schema: { type: 'string', maxLength: 200 },
      });
    }
    const ok = String(r.status ?? 200);
    const responses: Record<string, unknown> = {
      [ok]: {
        description: r.list ? 'A page of records; the total is in Content-Range' : 'Success',
        ...(r.list
          ? { headers: { 'Content-Range': { schema: { type: 'string', example: 'org-units 0-24/83' } } } }
          : {}),
        ...(r.response ? { content: { 'application/json': { schema: jsonSchema(r.response, 'output') } } } : {}),
      },
      400: {
        description: 'Invalid input, one message per field',
        content: { 'application/json': { schema: errorSchema } },
      },
    };
    if (!r.public)
      responses[401] = {
        description: 'Missing, expired or revoked token',
        content: { 'application/json': { schema: errorSchema } },
      };
    const restricted = r.grant && r.grant.roles.length < roles.length;
    if (restricted)
      responses[403] = {
        description: `Only for roles: ${r.grant!.roles.join(', ')}`,
        content: { 'application/json': { schema: errorSchema } },
      };
    if (r.path.includes(':'))
      responses[404] = {
        description: 'Not found or outside your area',
        content: { 'application/json': { schema: errorSchema } },
      };
    if (r.method === 'post' || r.method === 'put')
      responses[409] = {
        description: 'Conflict with the current state',
        content: { 'application/json': { schema: errorSchema } },
      };
    paths[oaPath] ??= {};
    paths[oaPath][r.method] = {
      operationId: operationId(r.method, r.path),
      tags: [r.tag],
      // Public routes (sign-in, health, this document) need no token; all others the bearer token.
      ...(r.public ? { security: [] } : {}),
      summary: r.summary,
      ...(r.description ? { description: r.description } : {}),
      ...(restricted ? { 'x-roles': r.grant!.roles } : {}),
      ...(r.grant ? { 'x-scope': r.grant.scope } : {}),
      ...(r.refs
        ? { 'x-references': Object.fromEntries(Object.entries(r.refs).map(([path, kind]) => [path, kind.describe])) }
        : {}),
      parameters,
      ...(r.body
        ? { requestBody: { required: true, content: { 'application/json': { schema: jsonSchema(r.body, 'input') } } } }
        : {}),
      responses,
    };
  }
  return {
    openapi: '3.0.3',
    info: {
      title: 'Shequ 社区 casework API',
      version: info.version,
      license: { name: 'Proprietary: for the district civil-affairs bureau' },
      description:
        'Lists follow the ra-data-simple-rest contract: sort=["field","ASC"], range=[0,24], filter={...} as JSON query parameters; the total is in Content-Range. ' +
        'Request bodies are application/json (else 415) and refuse fields they do not declare; no text field takes control characters other than tab and line breaks, bidirectional overrides or unpaired surrogates (400, a message per field).',
    },
    servers: [{ url: '/' }],
    security: [{ bearerAuth: [] }],
    components: {
      securitySchemes: {
        bearerAuth: {
          type: 'http',
          scheme: 'bearer',
          description: 'The token POST /api/auth/login answers; it expires after inactivity and on sign-out.',
        },
      },
    },
    paths,
  };
}

/**
 * A stable name per operation for generated clients: the method and the path's words, a path
 * parameter as `By<Name>` (get /api/applications/:id/decisions → getApplicationsByIdDecisions).
 */
export function operationId(method: string, path: string): string {
  const words = path
    .replace(/^\/api\//, '')
    .split('/')
    .flatMap((seg) => (seg.startsWith(':') ? ['by', seg.slice(1)] : seg.split(/[-_.]/)))
    .filter(Boolean);
  return method.toLowerCase() + words.map((w) => w[0].toUpperCase() + w.slice(1)).join('');
}
