// Ambient app types (SvelteKit convention).
declare global {
	namespace App {}
}
export {};
