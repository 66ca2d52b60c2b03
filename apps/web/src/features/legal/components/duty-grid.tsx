import type { DutyGap, DutySlot } from '@unionhub/contracts';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { addDays, daySegments } from '../duty-week';

const HOURS = Array.from({ length: 24 }, (_, h) => h);
const DAYS = [0, 1, 2, 3, 4, 5, 6];

export interface HourRange {
  day: number;
  from: number;
  /** Exclusive. */
  to: number;
}

/**
 * The week as 7 columns of 24 hour cells (China time). Slots are blocks over the cells; uncovered
 * hours are red. Pressing on a cell and dragging down or up the same day selects a range of hours.
 */
export function DutyGrid({
  weekStart,
  slots,
  gaps,
  selectedSlotId,
  onSelectRange,
  onSlotClick,
}: {
  weekStart: string;
  slots: readonly DutySlot[];
  gaps: readonly DutyGap[];
  selectedSlotId: number | null;
  onSelectRange: (range: HourRange) => void;
  onSlotClick: (slot: DutySlot) => void;
}) {
  const { t } = useTranslation();
  const [drag, setDrag] = useState<{ day: number; start: number; end: number } | null>(null);

  useEffect(() => {
    if (!drag) return;
    const up = () => {
      onSelectRange({
        day: drag.day,
        from: Math.min(drag.start, drag.end),
        to: Math.max(drag.start, drag.end) + 1,
      });
      setDrag(null);
    };
    window.addEventListener('mouseup', up);
    return () => window.removeEventListener('mouseup', up);
  }, [drag, onSelectRange]);

  const slotSegments = daySegments(weekStart, slots);
  const gapSegments = daySegments(weekStart, gaps);
  const inDrag = (day: number, h: number) =>
    drag && drag.day === day && h >= Math.min(drag.start, drag.end) && h <= Math.max(drag.start, drag.end);

  return (
    <div className="uh-duty-grid" data-testid="duty-grid">
      <div className="uh-duty-corner" />
      {DAYS.map((d) => (
        <div key={d} className="uh-duty-dayhead">
          {t(`legalConsult.duty.weekdays.d${d}`)}
          <span className="uh-duty-date">{addDays(weekStart, d).slice(5).replace('-', '/')}</span>
        </div>
      ))}
      <div className="uh-duty-hours">
        {HOURS.map((h) => (
          <div key={h} className="uh-duty-hour">
            {t('legalConsult.duty.hour', { h: String(h).padStart(2, '0') })}
          </div>
        ))}
      </div>
      {DAYS.map((d) => (
        <div key={d} className="uh-duty-day" data-day={d}>
          {HOURS.map((h) => (
            // biome-ignore lint/a11y/noStaticElementInteractions: a drag surface; each range can also be set in the form
            <div
              key={h}
              className={`uh-duty-cell${inDrag(d, h) ? ' is-selecting' : ''}`}
              data-testid={`cell-${d}-${h}`}
              onMouseDown={(e) => {
                e.preventDefault();
                setDrag({ day: d, start: h, end: h });
              }}
              onMouseEnter={() => setDrag((cur) => (cur && cur.day === d ? { ...cur, end: h } : cur))}
            />
          ))}
          {gapSegments
            .filter((s) => s.day === d)
            .map((s) => (
              <div
                key={`gap-${s.item.startsAt}`}
                className="uh-duty-gap"
                style={{ top: `${(s.from / 24) * 100}%`, height: `${((s.to - s.from) / 24) * 100}%` }}
              />
            ))}
          {slotSegments
            .filter((s) => s.day === d)
            .map((s) => (
              <button
                key={`slot-${s.item.id}`}
                type="button"
                data-testid={`slot-${s.item.id}`}
                className={`uh-duty-slot${s.item.provider.kind === 'volunteer' ? ' is-volunteer' : ''}${selectedSlotId === s.item.id ? ' is-selected' : ''}`}
                style={{
                  top: `${(s.from / 24) * 100}%`,
                  height: `${((s.to - s.from) / 24) * 100}%`,
                  left: `${(s.lane / s.lanes) * 100}%`,
                  width: `${100 / s.lanes}%`,
                }}
                onMouseDown={(e) => e.stopPropagation()}
                onClick={() => onSlotClick(s.item)}
                title={`${s.item.provider.name} ${String(s.from).padStart(2, '0')}:00–${String(s.to).padStart(2, '0')}:00`}
              >
                <span className="uh-duty-slot-name">{s.item.provider.name}</span>
                {s.to - s.from >= 2 && (
                  <span className="uh-duty-slot-time">
                    {String(s.from).padStart(2, '0')}–{String(s.to).padStart(2, '0')}
                  </span>
                )}
                {s.item.fields.length > 0 && s.to - s.from >= 3 && (
                  <span className="uh-duty-slot-fields">
                    {s.item.fields.map((f) => t(`legalConsult.fields.${f}`)).join('、')}
                  </span>
                )}
              </button>
            ))}
        </div>
      ))}
    </div>
  );
}
