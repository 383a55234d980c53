/**
 * The app's single engine instance, started on first use in the browser. Pages call `getEngine()`;
 * the wasm module and worker are fetched only then (never during prerender).
 */
import type { MonitorEngine } from './engine';

let pending: Promise<MonitorEngine> | null = null;

export function getEngine(): Promise<MonitorEngine> {
	if (!pending) {
		pending = start().catch((e) => {
			pending = null; // allow "Erneut versuchen"
			throw e;
		});
	}
	return pending;
}

async function start(): Promise<MonitorEngine> {
	const [{ createBrowserConnector }, { MonitorEngine }, { appPackageSource }] = await Promise.all([
		import('./connector-browser'),
		import('./engine'),
		import('./source-app')
	]);
	const db = await createBrowserConnector();
	return MonitorEngine.load(db, appPackageSource());
}
