// A line chart's legend drawn by us rather than by recharts: recharts names each swatch "<series> legend icon" in
// English whatever the UI language, and places its legend absolutely at the chart's drawing width, which pushed a
// 390 px page sideways.
export interface ChartSeries {
  name: string;
  colour: string;
  dashed?: boolean;
}

export function ChartLegend({ series }: { series: ChartSeries[] }) {
  return (
    <ul className="chart-legend">
      {series.map((entry) => (
        <li key={entry.name}>
          {/* Attributes, not style: the Content-Security-Policy refuses style attributes in server-rendered HTML. */}
          <svg width="24" height="8" aria-hidden="true" focusable="false">
            <line x1="0" y1="4" x2="24" y2="4" stroke={entry.colour} strokeWidth="3" strokeDasharray={entry.dashed ? "6 4" : undefined} />
          </svg>
          {entry.name}
        </li>
      ))}
    </ul>
  );
}
