import { Descriptions, Typography } from 'antd';
import type { ReactNode } from 'react';

export interface PersonSummaryRow {
  key: string;
  label: ReactNode;
  children: ReactNode;
}

/**
 * The facts of one person as the admin console shows them: the name, the ID number and phone
 * masked (or in full, with a copy button, once read with a reason), then the screen's own rows.
 * Rows given as null or false are left out.
 */
export function PersonSummary({
  labels,
  person,
  revealed,
  rows = [],
}: {
  /** The labels of the identity rows, in the screen's own words (申请人, 姓名, 会员…). */
  labels: { name: string; idNumber?: string; phone?: string };
  /** Masked values; a row without a value or label is not shown. */
  person: { name: string; idNumberMasked?: string; phoneMasked?: string };
  /** Full values read for this screen, shown in place of the masks. */
  revealed?: { idNumber: string; phone: string } | null;
  rows?: (PersonSummaryRow | null | false)[];
}) {
  const identity: PersonSummaryRow[] = [{ key: 'name', label: labels.name, children: person.name }];
  if (labels.idNumber && person.idNumberMasked !== undefined)
    identity.push({
      key: 'idNumber',
      label: labels.idNumber,
      children: (
        <Typography.Text copyable={revealed ? { text: revealed.idNumber } : false}>
          {revealed?.idNumber ?? person.idNumberMasked}
        </Typography.Text>
      ),
    });
  if (labels.phone && person.phoneMasked !== undefined)
    identity.push({
      key: 'phone',
      label: labels.phone,
      children: (
        <Typography.Text copyable={revealed ? { text: revealed.phone } : false}>
          {revealed?.phone ?? person.phoneMasked}
        </Typography.Text>
      ),
    });
  return (
    <Descriptions
      bordered
      column={1}
      size="small"
      items={[...identity, ...rows.filter((r): r is PersonSummaryRow => Boolean(r))]}
    />
  );
}
