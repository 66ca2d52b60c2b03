import type { Enterprise } from '@unionhub/contracts';
import { Select } from 'antd';
import { useEffect, useRef, useState } from 'react';
import { getEnterprise, searchEnterprises } from '../api';

/** Finds an enterprise of the caller's subtree by name, pinyin or credit code as it is typed. */
export function EnterpriseSelect({
  value,
  onChange,
  placeholder,
  id,
}: {
  value?: number;
  onChange?: (value: number | undefined) => void;
  placeholder?: string;
  id?: string;
}) {
  const [options, setOptions] = useState<Enterprise[]>([]);
  const [loading, setLoading] = useState(false);
  const request = useRef(0);
  const timer = useRef<number | undefined>(undefined);

  useEffect(() => {
    if (value && !options.some((o) => o.id === value))
      getEnterprise(value).then(
        (e) => setOptions((list) => [e, ...list]),
        () => undefined,
      );
  }, [value, options]);

  const search = (text: string) => {
    window.clearTimeout(timer.current);
    if (!text.trim()) return;
    timer.current = window.setTimeout(() => {
      const mine = ++request.current;
      setLoading(true);
      searchEnterprises(text)
        .then((r) => mine === request.current && setOptions(r.items))
        .catch(() => undefined)
        .finally(() => mine === request.current && setLoading(false));
    }, 250);
  };

  return (
    <Select
      id={id}
      showSearch={{ filterOption: false, onSearch: search }}
      value={value}
      onChange={onChange}
      loading={loading}
      placeholder={placeholder}
      notFoundContent={null}
      options={options.map((e) => ({ value: e.id, label: `${e.name}（${e.creditCode}）` }))}
    />
  );
}
