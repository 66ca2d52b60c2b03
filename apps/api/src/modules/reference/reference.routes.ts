import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { ErrorBody, IndustryList, RegionCodeParams, RegionList } from '@unionhub/contracts';
import type { AppContext } from '../../platform/context.js';
import { AppError } from '../../platform/errors.js';
import { findRegion, regionChildren } from '../regions/index.js';
import { listIndustries } from './industries.js';

export const referenceRoutes =
  (_ctx: AppContext): FastifyPluginAsyncTypebox =>
  async (app) => {
    app.get(
      '/reference/industries',
      {
        config: { access: 'authenticated' },
        schema: {
          tags: ['reference'],
          summary: 'GB/T 4754-2017 industry sections and divisions',
          response: { 200: IndustryList, 401: ErrorBody },
        },
      },
      async () => ({ items: listIndustries() }),
    );

    app.get(
      '/reference/regions/:code/children',
      {
        config: { access: 'authenticated' },
        schema: {
          tags: ['reference'],
          summary: 'Direct GB/T 2260 subdivisions of a region, for region pickers',
          params: RegionCodeParams,
          response: { 200: RegionList, 400: ErrorBody, 401: ErrorBody, 404: ErrorBody },
        },
      },
      async (request) => {
        const { code } = request.params;
        if (!findRegion(code))
          throw new AppError('NOT_FOUND', `Region ${code} is not in the GB/T 2260 dataset`, [
            { path: 'params.code', message: 'is not a GB/T 2260 region code' },
          ]);
        return { items: regionChildren(code) };
      },
    );
  };
