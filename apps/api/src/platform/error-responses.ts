import { ErrorBody } from '@unionhub/contracts';

/** Response schemas for the error statuses a route can answer, all in the one error shape. */
export function errorResponses(...codes: number[]): Record<number, typeof ErrorBody> {
  return Object.fromEntries(codes.map((c) => [c, ErrorBody]));
}
