/**
 * "Me too": follow or stop following a report. Whether the caller follows is what the API last
 * replied (lib/follows.ts); before any reply, `initial` (true after a duplicate merge) or unknown,
 * which offers "follow" (idempotent, so pressing it when already following changes nothing).
 */
import { useState } from 'preact/hooks';
import { api, problemText } from '../shared/api/client';
import { session } from '../shared/auth/session';
import { fmt } from '../shared/i18n/index';
import { followState, rememberFollow } from './lib/follows';
import { t } from './messages';

/** `followers`: when the page knows the count (the public read does not carry it; a reply does). */
export function Follow(props: { id: string; followers?: number; initial?: boolean | undefined }) {
  const [following, setFollowing] = useState<boolean | undefined>(followState(props.id) ?? props.initial);
  const [followers, setFollowers] = useState<number | undefined>(props.followers);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | undefined>();
  const [changed, setChanged] = useState(false);
  if (!session.value) return <p class="follow"><a href="/signin">{t('ticket.followSignIn')}</a></p>;
  const toggle = async () => {
    setBusy(true);
    setError(undefined);
    const params = { params: { path: { id: props.id } } };
    const { data, error: problem } = following ? await api.DELETE('/v1/tickets/{id}/follow', params) : await api.POST('/v1/tickets/{id}/follow', params);
    setBusy(false);
    if (!data) return setError(problemText(problem));
    rememberFollow(props.id, data.following);
    setFollowing(data.following);
    setFollowers(data.followers);
    setChanged(true);
  };
  return (
    <section class="card follow" aria-labelledby="follow-title">
      <h2 id="follow-title">{t('ticket.followTitle')}</h2>
      {followers !== undefined && <p class="hint" data-followers={followers}>{t('ticket.followers', { n: fmt.number(followers) })}</p>}
      <p role="status" class={following ? 'ok' : ''}>{following ? t('ticket.followingNow') : changed ? t('ticket.notFollowing') : ''}</p>
      {error && <p role="alert" class="error">{error}</p>}
      <button type="button" class={following ? '' : 'primary'} disabled={busy} onClick={() => void toggle()}>
        {following ? t('ticket.unfollow') : t('ticket.follow')}
      </button>
    </section>
  );
}
