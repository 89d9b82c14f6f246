import { mount } from 'svelte';
import App from './ui/App.svelte';
import { startServices } from './ui/app-services';
import { toFailure } from './ui/handle-error';
import { registerServiceWorker } from './ui/network-state.svelte';
import './ui/app.css';

const target = document.getElementById('app')!;

startServices().then(
  (services) => mount(App, { target, props: { services } }),
  (error: unknown) => {
    // Without storage nothing could be kept; say so instead of showing a half-working page.
    const notice = Object.assign(document.createElement('div'), { className: 'notice error', role: 'alert' });
    const { reason, message } = toFailure(error);
    const hint = reason === 'storage-blocked' || reason === 'storage-outdated' ? '' : ' Private windows and some privacy settings block the browser storage it needs.';
    notice.textContent = `Self-Instruct Studio could not start: ${message}${hint}`;
    target.replaceChildren(notice);
  },
);

// The service worker (vite.config.ts) keeps the whole app for offline use; the dev server has none.
if (import.meta.env.SERVICE_WORKER) registerServiceWorker();
