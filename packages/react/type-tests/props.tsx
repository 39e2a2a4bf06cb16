// Compiled, never run: the wrappers' props as a React app types them, against React 19's types
// (tsconfig.json) and React 18's (tsconfig.react18.json). `@ts-expect-error` lines must stay errors.
import { useRef } from 'react';
import {
  ChurnChart,
  CohortHeatmap,
  HealthCard,
  Kpi,
  MrrBridge,
  NpsTrend,
  type ChurnInput,
  type CohortInput,
  type CsChurnChart,
  type HealthCardInput,
  type KpiInput,
  type MrrBridgeInput,
} from '../src/index.js';

// The report JSON a backend serves (`cskit report --format json`), as the app has typed it.
declare const report: ChurnInput & CohortInput & KpiInput & MrrBridgeInput;
declare const health: HealthCardInput;

const periods: string[] = [];
const reasons: string[] = [];

export function Portal() {
  const chart = useRef<CsChurnChart>(null);
  return (
    <div className="portal">
      <ChurnChart
        ref={chart}
        id="churn"
        className="card"
        style={{ maxWidth: 640 }}
        label="Churn"
        data={report}
        onCsPointSelect={(event) => periods.push(event.detail.period)}
        onCsDataError={(event) => reasons.push(event.detail.reason)}
      />
      <NpsTrend label="NPS" src="/api/report.json" windowMonths={3} onCsPointSelect={(e) => e.detail.index} />
      <MrrBridge label="MRR bridge" month="2024-03" data={report} onCsPointSelect={(e) => e.detail.key} />
      <Kpi label="MRR" metric="mrr" data={report} onCsPointSelect={(e) => e.detail.value?.toFixed(2)} />
      <CohortHeatmap label="Retention" data={report} onCsCellSelect={(e) => e.detail.cohort} />
      <HealthCard customerId="cus_0042" data={health} theme="dark" onCsDataError={(e) => e.detail.reason} />

      {/* @ts-expect-error data is an object, never a string */}
      <ChurnChart data="report.json" />
      {/* @ts-expect-error no such metric */}
      <Kpi metric="revenue" />
      {/* @ts-expect-error the health card selects no points */}
      <HealthCard onCsPointSelect={() => undefined} />
      {/* @ts-expect-error the detail of cs-data-error has a reason, not a message */}
      <NpsTrend onCsDataError={(event) => event.detail.message} />
      {/* @ts-expect-error cs-cell-select's detail has no period */}
      <CohortHeatmap onCsCellSelect={(event) => event.detail.period} />
    </div>
  );
}
