/** The personal-data documents as the API shows them (whitelists, like views.ts). */
import type { MyData } from '../app/export-my-data.js';
import type { Erasure } from '../app/personal-data-ports.js';
import type { MediaStore } from '../app/ports.js';
import type { Principal } from '../domain/principal.js';
import type { PrivacyNotice } from '../domain/privacy-notice.js';
import { eventView, ticketView } from './views.js';

export function erasureView(e: Erasure) {
  return {
    erasureId: e.id,
    status: e.status,
    requestedAt: e.requestedAt,
    ...(e.finishedAt ? { finishedAt: e.finishedAt } : {}),
    ...(e.counts ? { counts: e.counts } : {}),
  };
}

export async function myDataView(data: MyData, notice: PrivacyNotice | undefined, who: Principal, media: Pick<MediaStore, 'signedUrl'>) {
  return {
    exportedAt: data.exportedAt,
    profile: data.profile,
    preferences: data.preferences,
    tickets: await Promise.all(
      data.tickets.map(async (t) => ({
        ticket: await ticketView(t.ticket, who, media),
        history: await Promise.all(t.history.map((e) => eventView(e, media))),
        accessLog: t.accessLog,
      })),
    ),
    following: data.following,
    notifications: data.notifications.map(({ owner: _owner, expiresAt: _ttl, ...item }) => item),
    erasure: data.erasure ? erasureView(data.erasure) : null,
    privacyNotice: notice ? { version: notice.version, text: notice.text } : null,
  };
}
