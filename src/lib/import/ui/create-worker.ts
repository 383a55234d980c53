/** The import worker as Vite bundles it (a module worker from the app's own origin: CSP worker-src 'self'). */
export const createImportWorker = () => new Worker(new URL('../worker.ts', import.meta.url), { type: 'module' });
