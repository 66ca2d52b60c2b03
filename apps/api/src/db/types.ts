import { customType } from 'drizzle-orm/pg-core';

/** ltree materialized path: labels are org ids, e.g. "1.17.305". */
export const ltree = customType<{ data: string }>({ dataType: () => 'ltree' });

export const bytea = customType<{ data: Buffer; driverData: Buffer | Uint8Array }>({
  dataType: () => 'bytea',
  fromDriver: (value) => (Buffer.isBuffer(value) ? value : Buffer.from(value)),
});

export const citext = customType<{ data: string }>({ dataType: () => 'citext' });
