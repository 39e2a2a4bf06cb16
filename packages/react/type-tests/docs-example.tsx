// The App of docs/widgets.md "In React" (there a default export, as Vite's template imports it):
// keep the two the same, so the guide's example keeps type-checking with React 18 and 19.
import { useState } from 'react';
import { ChurnChart, HealthCard, MrrBridge } from '../src/index.js';

export function App() {
  const [month, setMonth] = useState(''); // '' is the report's last month

  return (
    <main style={{ display: 'grid', gap: 24, width: '100%', maxWidth: 720, margin: '0 auto' }}>
      <ChurnChart
        label="Churn"
        src="/api/report.json"
        onCsPointSelect={(event) => setMonth(event.detail.period)}
        onCsDataError={(event) => console.warn(event.detail.reason)}
      />
      <MrrBridge label={month ? `MRR bridge, ${month}` : 'MRR bridge'} month={month} src="/api/report.json" />
      <HealthCard customerId="cus_000006" src="/api/health.json" />
    </main>
  );
}
