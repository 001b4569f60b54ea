import { useId } from "react";
import { Link } from "react-router";
import { useFormat } from "../../lib/format";

/**
 * Small dependency-free charts in plain SVG. Each chart also carries its numbers as text (labels and
 * values beside the bars, or a visually hidden table), so it reads without colour, in print and with
 * a screen reader.
 */

export interface BarItem {
  key: string;
  label: string;
  value: number;
  href?: string;
}

/** Horizontal bars: a label, an SVG bar scaled to the largest value, and the value. */
export function HBarChart({
  items,
  testId,
  tone = "teal",
}: {
  items: BarItem[];
  testId?: string;
  tone?: "teal" | "accent" | "navy";
}) {
  const f = useFormat();
  const max = Math.max(1, ...items.map((i) => i.value));
  return (
    <ul className={`hbar hbar--${tone}`} data-testid={testId}>
      {items.map((item) => (
        <li key={item.key} className="hbar__row">
          <span className="hbar__label" title={item.label}>
            {item.href ? <Link to={item.href}>{item.label}</Link> : item.label}
          </span>
          <svg
            className="hbar__bar"
            viewBox="0 0 100 10"
            preserveAspectRatio="none"
            aria-hidden="true"
            focusable="false"
          >
            <rect x="0" y="0" width="100" height="10" className="hbar__track" />
            <rect x="0" y="0" width={(item.value / max) * 100} height="10" className="hbar__fill" />
          </svg>
          <span className="hbar__value">{f.number(item.value)}</span>
        </li>
      ))}
    </ul>
  );
}

export interface Segment {
  key: string;
  label: string;
  value: number;
  className: string;
}

/** One bar split into parts (e.g. adoptions by stage), with a legend carrying the numbers. */
export function StackedBar({ segments, testId }: { segments: Segment[]; testId?: string }) {
  const f = useFormat();
  const total = segments.reduce((n, s) => n + s.value, 0);
  let x = 0;
  return (
    <figure className="stacked" data-testid={testId}>
      <svg
        className="stacked__bar"
        viewBox="0 0 100 12"
        preserveAspectRatio="none"
        aria-hidden="true"
        focusable="false"
      >
        {total === 0 ? (
          <rect x="0" y="0" width="100" height="12" className="hbar__track" />
        ) : (
          segments.map((s) => {
            const w = (s.value / total) * 100;
            const rect = <rect key={s.key} x={x} y="0" width={w} height="12" className={s.className} />;
            x += w;
            return rect;
          })
        )}
      </svg>
      <figcaption>
        <ul className="legend">
          {segments.map((s) => (
            <li key={s.key} className="legend__item">
              <svg viewBox="0 0 10 10" className="legend__swatch" aria-hidden="true" focusable="false">
                <rect width="10" height="10" rx="2" className={s.className} />
              </svg>
              <span>{s.label}</span>
              <strong>{f.number(s.value)}</strong>
            </li>
          ))}
        </ul>
      </figcaption>
    </figure>
  );
}

export interface Series {
  key: string;
  label: string;
  className: string;
  values: number[];
}

/** Grouped columns over time (months on the x axis), with gridlines and a hidden data table. */
export function ColumnChart({
  labels,
  series,
  title,
  testId,
}: {
  labels: string[];
  series: Series[];
  title: string;
  testId?: string;
}) {
  const f = useFormat();
  const titleId = useId();
  const W = 640;
  const H = 240;
  const pad = { top: 12, right: 8, bottom: 30, left: 34 };
  const innerW = W - pad.left - pad.right;
  const innerH = H - pad.top - pad.bottom;
  const max = Math.max(1, ...series.flatMap((s) => s.values));
  const step = niceStep(max);
  const top = Math.ceil(max / step) * step;
  const ticks = Array.from({ length: Math.round(top / step) + 1 }, (_, i) => i * step);
  const groupW = innerW / Math.max(1, labels.length);
  const barW = Math.min(18, (groupW * 0.72) / Math.max(1, series.length));
  const y = (v: number) => pad.top + innerH - (v / top) * innerH;
  return (
    <figure className="columns" data-testid={testId}>
      <div className="columns__scroll">
        <svg viewBox={`0 0 ${W} ${H}`} className="columns__svg" role="img" aria-labelledby={titleId}>
          <title id={titleId}>{title}</title>
          {ticks.map((tick) => (
            <g key={tick}>
              <line x1={pad.left} x2={W - pad.right} y1={y(tick)} y2={y(tick)} className="columns__grid" />
              <text
                x={pad.left - 6}
                y={y(tick)}
                className="columns__tick"
                textAnchor="end"
                dominantBaseline="middle"
              >
                {f.number(tick)}
              </text>
            </g>
          ))}
          {labels.map((label, i) => {
            const gx = pad.left + i * groupW + (groupW - barW * series.length) / 2;
            return (
              <g key={label}>
                {series.map((s, j) => {
                  const v = s.values[i] ?? 0;
                  return (
                    <rect
                      key={s.key}
                      x={gx + j * barW}
                      y={y(v)}
                      width={barW - 2}
                      height={pad.top + innerH - y(v)}
                      rx="2"
                      className={s.className}
                    />
                  );
                })}
                <text
                  x={pad.left + i * groupW + groupW / 2}
                  y={H - 10}
                  className="columns__label"
                  textAnchor="middle"
                >
                  {label}
                </text>
              </g>
            );
          })}
        </svg>
      </div>
      <figcaption>
        <ul className="legend">
          {series.map((s) => (
            <li key={s.key} className="legend__item">
              <svg viewBox="0 0 10 10" className="legend__swatch" aria-hidden="true" focusable="false">
                <rect width="10" height="10" rx="2" className={s.className} />
              </svg>
              <span>{s.label}</span>
              <strong>{f.number(s.values.reduce((n, v) => n + v, 0))}</strong>
            </li>
          ))}
        </ul>
      </figcaption>
      {/* A table ignores a 1px width, so the visually hidden box wraps it. */}
      <div className="sr-only">
        <table>
          <caption>{title}</caption>
          <thead>
            <tr>
              <th scope="col" />
              {series.map((s) => (
                <th key={s.key} scope="col">
                  {s.label}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {labels.map((label, i) => (
              <tr key={label}>
                <th scope="row">{label}</th>
                {series.map((s) => (
                  <td key={s.key}>{s.values[i] ?? 0}</td>
                ))}
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </figure>
  );
}

/** A round step (1, 2, 5 × 10ⁿ) giving about four gridlines up to `max`. */
export function niceStep(max: number): number {
  const raw = max / 4;
  const mag = 10 ** Math.floor(Math.log10(Math.max(raw, 1)));
  for (const m of [1, 2, 5, 10]) if (raw <= m * mag) return Math.max(1, m * mag);
  return 10 * mag;
}
