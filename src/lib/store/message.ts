/** A translatable message: a key of the i18n catalogue and its parameters (texts are never stored). */
import type { MessageKey } from '$lib/i18n/messages';
import type { Params } from '$lib/i18n/translate';

export interface Message {
	key: MessageKey;
	params?: Params;
}
