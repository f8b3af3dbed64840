import { Router } from 'express';
import { z } from 'zod';
import { ConflictError } from '../../domain/errors.js';
import { allowanceStandardSchema } from '../../contract/allowance-standards.js';
import { shanghaiDate } from '../../domain/shanghai-date.js';
import { writeAudit } from '../../db/audit.js';
import type { RouteContext } from '../deps.js';
import { listQuery, sendList, type ListSpec } from '../http/simple-rest.js';

// Effective-dated standards: a policy change is a new row from its date, never an edit of a
// standard that amounts already paid were computed on.

interface StandardRow {
  id: number;
  effective_from: string;
  standard_fen: string;
  floor_per_person_fen: string;
  note: string;
  created_at: Date;
}

const toApi = (r: StandardRow) => ({
  id: r.id,
  effectiveFrom: String(r.effective_from),
  standardFen: Number(r.standard_fen),
  floorPerPersonFen: Number(r.floor_per_person_fen),
  note: r.note,
  createdAt: r.created_at.toISOString(),
});

const fen = z.number().int('以分为单位的整数 (whole fen)');
const createStandard = z
  .object({
    effectiveFrom: z.iso.date('日期格式 YYYY-MM-DD (date)'),
    standardFen: fen.positive('须大于0 (must be positive)').max(1_000_000),
    floorPerPersonFen: fen.min(0, '不能为负 (cannot be negative)'),
    note: z.string().trim().max(200).default(''),
  })
  .refine((v) => v.floorPerPersonFen <= v.standardFen, {
    path: ['floorPerPersonFen'],
    message: '保底不能高于标准 (floor cannot exceed the standard)',
  });

const spec: ListSpec<StandardRow> = {
  resource: 'allowance-standards',
  idColumn: 'id',
  sortable: { id: 'id', effectiveFrom: 'effective_from' },
  defaultSort: ['effectiveFrom', 'DESC'],
  filters: {},
  toApi,
};

export function allowanceStandardRoutes({ registry, db }: RouteContext): Router {
  const router = Router();
  registry.add(
    router,
    {
      method: 'get',
      path: '/api/allowance-standards',
      tag: 'allowance-standards',
      summary: 'Allowance standards by the date they apply from',
      query: listQuery,
      list: true,
      response: z.array(allowanceStandardSchema),
    },
    async ({ res, query }) => sendList(res, spec, db('allowance_standards').select('*'), query),
  );
  registry.add(
    router,
    {
      method: 'post',
      path: '/api/allowance-standards',
      tag: 'allowance-standards',
      summary: 'Add a standard that applies from a future date',
      body: createStandard,
      status: 201,
      response: allowanceStandardSchema,
    },
    async ({ body, user, req }) => {
      // Amounts of months already begun were computed on the old standard: only later dates.
      if (body.effectiveFrom <= shanghaiDate(new Date()))
        throw new ConflictError('只能新增今后生效的标准 (a new standard must start after today)');
      return db.transaction(async (trx) => {
        const [row] = await trx('allowance_standards')
          .insert({
            effective_from: body.effectiveFrom,
            standard_fen: body.standardFen,
            floor_per_person_fen: body.floorPerPersonFen,
            note: body.note,
            created_by: user.id,
          })
          .onConflict('effective_from')
          .ignore()
          .returning('*');
        if (!row) throw new ConflictError(`${body.effectiveFrom} 已有标准 (a standard already starts on that date)`);
        await writeAudit(
          trx,
          { user, requestId: req.requestId },
          { action: 'allowance_standard.create', entityType: 'allowance_standard', entityId: row.id, after: body },
        );
        return toApi(row);
      });
    },
  );
  return router;
}
