import type { Industry } from '@unionhub/contracts';
import { Select } from 'antd';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { listIndustries } from '../api';

export function useIndustries(): Industry[] {
  const [items, setItems] = useState<Industry[]>([]);
  useEffect(() => {
    let live = true;
    listIndustries().then(
      (list) => live && setItems(list),
      () => undefined,
    );
    return () => {
      live = false;
    };
  }, []);
  return items;
}

/** GB/T 4754-2017: sections as groups, each selectable, with their divisions under them; searchable by name or code. */
export function IndustrySelect({
  value,
  onChange,
  id,
}: {
  value?: string;
  onChange?: (value: string) => void;
  id?: string;
}) {
  const { t } = useTranslation();
  const items = useIndustries();
  return (
    <Select
      id={id}
      value={value}
      onChange={onChange}
      allowClear
      showSearch={{ optionFilterProp: 'label' }}
      placeholder={t('reference.industryPlaceholder')}
      options={items.map((i) => ({
        value: i.code,
        label: i.level === 'section' ? `${i.code} ${i.name}` : `\u3000${i.code} ${i.name}`,
      }))}
    />
  );
}

export function industryLabel(items: Industry[], code: string | null | undefined): string | null {
  if (!code) return null;
  const found = items.find((i) => i.code === code);
  return found ? `${found.code} ${found.name}` : code;
}
