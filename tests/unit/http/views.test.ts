import { describe, expect, it } from 'vitest';
import type { Principal } from '../../../shared/domain/principal.js';
import type { Ticket } from '../../../shared/domain/ticket.js';
import type { Photo } from '../../../shared/domain/upload.js';
import { publicView, ticketView } from '../../../shared/http/views.js';
import { newTicket } from '../../support/ticket-fixture.js';

// Views only turn photo keys into URLs; the S3 presigner is not what is tested here.
const media = { signedUrl: async (key: string) => `https://media.example/${key}` };
const photo: Photo = { id: 'U1', width: 800, height: 600, format: 'webp' };

const owner: Principal = { userId: 'c-1', role: 'citizen', name: 'An', phone: '+84900000001' };
const roles: Record<string, Principal> = {
  owner,
  staff: { userId: 's-1', role: 'staff', departmentId: 'ward-00001' },
  manager: { userId: 'm-1', role: 'manager', scope: 'city' },
  admin: { userId: 'a-1', role: 'admin' },
};

/** A ticket carrying a field no view names yet, at the top and in the location: a personal field added tomorrow. */
function ticketWithNewField(visibility: 'public' | 'private' = 'public'): Ticket {
  const { ticket } = newTicket({
    id: 'T1',
    ref: 'HN-261123-0001',
    eventId: 'E1',
    now: new Date('2026-11-23T09:00:00+07:00'),
    citizen: owner,
    input: { description: 'A pothole on Kim Ma street', location: { wardCode: '00001', lat: 21.03, lng: 105.82, address: '1 Kim Ma' }, visibility },
    districtCode: '001',
    provinceCode: '01',
    photos: [photo],
  });
  return { ...ticket, citizenNationalId: '001099000001', location: { ...ticket.location, houseNumber: '12A' } } as Ticket;
}

describe('ticketView is a whitelist', () => {
  it.each(Object.keys(roles))('a field no view names reaches nobody (%s)', async (role) => {
    const view = await ticketView(ticketWithNewField(), roles[role]!, media);
    expect(view).not.toHaveProperty('citizenNationalId');
    expect(view.location).not.toHaveProperty('houseNumber');
    expect(view).toMatchObject({ id: 'T1', ref: 'HN-261123-0001', location: { wardCode: '00001', districtCode: '001' } });
  });

  it('managers get neither contact details nor the exact place; the owner, staff and admins do', async () => {
    const ticket = ticketWithNewField();
    const manager = await ticketView(ticket, roles.manager!, media);
    for (const key of ['citizenId', 'citizenName', 'citizenPhone']) expect(manager).not.toHaveProperty(key);
    expect(manager.location).toEqual({ wardCode: '00001', districtCode: '001', provinceCode: '01' });
    for (const role of ['owner', 'staff', 'admin']) {
      const view = await ticketView(ticket, roles[role]!, media);
      expect(view).toMatchObject({ citizenId: 'c-1', citizenName: 'An', location: { lat: 21.03, lng: 105.82, address: '1 Kim Ma' } });
    }
  });
});

describe('derived fields', () => {
  it('transferLimitReached follows transferCount, whatever the stored item says', async () => {
    const ticket = ticketWithNewField();
    expect((await ticketView({ ...ticket, transferCount: 2 }, roles.staff!, media)).transferLimitReached).toBe(false);
    expect((await ticketView({ ...ticket, transferCount: 3 }, roles.staff!, media)).transferLimitReached).toBe(true);
  });
});

describe('publicView is a whitelist', () => {
  it('carries the record and its area, nothing personal and nothing it does not name', async () => {
    const view = await publicView(ticketWithNewField(), media);
    expect(Object.keys(view).sort()).toEqual(
      ['category', 'createdAt', 'departmentId', 'description', 'dueAt', 'id', 'location', 'photos', 'ref', 'severity', 'status', 'updatedAt'].sort(),
    );
    expect(view.location).toEqual({ wardCode: '00001', districtCode: '001', provinceCode: '01' });
    expect(view.photos).toEqual([expect.objectContaining({ id: 'U1', url: 'https://media.example/media/U1/full.webp' })]);
  });

  it('shows no photos of a ticket that is not public', async () => {
    expect((await publicView(ticketWithNewField('private'), media)).photos).toEqual([]);
  });
});
