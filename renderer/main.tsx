import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './app/App';
import { LockGate } from './features/lock/LockGate';
import { loadListEarly } from './state/first-list';
import './styles/app.css';

loadListEarly();
createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <LockGate>
      <App />
    </LockGate>
  </StrictMode>,
);
