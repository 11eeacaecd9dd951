import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
// NL Design System: design tokens (the theme) first, then the component styles, then our layout.
import '@utrecht/design-tokens/dist/index.css';
import '@utrecht/component-library-css/dist/index.css';
import './styles/app.css';
import { App } from './App';

const root = document.getElementById('root');
if (root === null) throw new Error('#root missing from index.html');

createRoot(root).render(
  <StrictMode>
    <App />
  </StrictMode>,
);
