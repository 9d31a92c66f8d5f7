/**
 * Which reports the caller follows, as the API last said (its follow and unfollow replies are
 * the only place it says so): kept under `me.`, so signing out forgets it.
 */
import { recall, remember } from './store';

const KEY = 'me.follows';

export const followState = (id: string): boolean | undefined => recall<Record<string, boolean>>(KEY)?.[id];

export function rememberFollow(id: string, following: boolean) {
  remember(KEY, { ...recall<Record<string, boolean>>(KEY), [id]: following });
}
