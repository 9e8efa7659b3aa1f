import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './app/App.tsx';
import { registerOfflineWorker } from './app/offlineWorker.ts';
import './styles/base.css';
import './styles/app.css';

const container = document.getElementById('root');
if (!container) throw new Error('index.html has no #root element');

createRoot(container).render(
  <StrictMode>
    <App />
  </StrictMode>,
);

// The offline start (service worker) exists in production builds only: under `vite dev` a
// worker would serve stale modules.
if (import.meta.env.PROD) registerOfflineWorker();
