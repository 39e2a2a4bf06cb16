import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { ReactDashboard } from './react-dashboard.js';

const root = document.querySelector('#app');
if (!root) throw new Error('react: the #app element is missing');
createRoot(root).render(
  <StrictMode>
    <ReactDashboard />
  </StrictMode>,
);
