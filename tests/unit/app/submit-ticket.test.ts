/** Intake (shared/app/submit-ticket.ts) against the in-memory ports. */
import { describe, expect, it } from 'vitest';
import { submitTicket } from '../../../shared/app/submit-ticket.js';
import { IdempotencyMismatchError, ValidationError } from '../../../shared/domain/errors.js';
import type { Principal } from '../../../shared/domain/principal.js';
import type { NewTicketInput } from '../../../shared/domain/ticket.js';
import type { Upload } from '../../../shared/domain/upload.js';
import { memoryDependencies } from '../../support/memory.js';

const citizen: Principal = { userId: 'citizen-1', role: 'citizen', name: 'Nguyễn Văn A', phone: '+84901234567' };
const input: NewTicketInput = { category: 'health', description: 'Trạm y tế đóng cửa giờ hành chính', location: { wardCode: '00001', address: 'số 5 ngõ 12' } };

describe('submitTicket', () => {
  it('routes, dates and numbers the ticket from the clock, in one write with its created event', async () => {
    const deps = memoryDependencies(); // Wed 2026-12-02 10:00 local
    const { ticket, replayed } = await submitTicket(deps, citizen, input);
    expect(replayed).toBe(false);
    expect(ticket).toMatchObject({
      ref: 'HN-261202-0001',
      status: 'assigned',
      departmentId: 'ward-00001',
      severity: 'normal',
      version: 1,
      citizenId: 'citizen-1',
      citizenName: 'Nguyễn Văn A',
      location: { wardCode: '00001', districtCode: '001', provinceCode: '01' },
      createdAt: '2026-12-02T03:00:00.000Z',
      // acknowledge within 8 working hours: Thu 10:00 local; answer within 40: the next Wed 10:00
      ackDueAt: '2026-12-03T03:00:00.000Z',
      dueAt: '2026-12-09T03:00:00.000Z',
    });
    expect(await deps.tickets.get(ticket.id)).toEqual(ticket);
    expect((await deps.tickets.events(ticket.id)).map((e) => [e.type, e.version])).toEqual([['created', 1]]);
    expect(await deps.tickets.idOfRef('HN-261202-0001')).toBe(ticket.id);
  });

  it('routes by the most specific rule: the ward’s, then the province’s for the category, else triage', async () => {
    const deps = memoryDependencies({
      rules: [
        { id: 'ward', category: '*', areaCode: '00001', departmentId: 'ward-00001' },
        { id: 'transport', category: 'roads_traffic', areaCode: '01', departmentId: 'city-transport' },
      ],
    });
    const route = async (category: string, wardCode: string) => (await submitTicket(deps, citizen, { ...input, category, location: { wardCode } })).ticket.departmentId;
    expect(await route('roads_traffic', '00001')).toBe('ward-00001');
    expect(await route('roads_traffic', '00037')).toBe('city-transport');
    expect(await route('health', '00037')).toBe('triage');
  });

  it('names every unknown field at once and writes nothing', async () => {
    const deps = memoryDependencies();
    const error = await submitTicket(deps, citizen, { ...input, category: 'unicorns', location: { wardCode: '99999' } }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ValidationError);
    expect((error as ValidationError).errors.map((e) => e.path)).toEqual(['body.category', 'body.location.wardCode']);
    expect(deps.state.ticketWrites).toBe(0);
    expect(deps.state.refSequences.size).toBe(0);
  });

  it('asks for the privacy notice in force once one is published, and keeps the consent given', async () => {
    const deps = memoryDependencies();
    await deps.personalData.putPrivacyNotice({ version: '2026-01', text: { vi: 'Thông báo', en: 'Notice' }, publishedAt: '2026-01-01T00:00:00.000Z' });
    await expect(submitTicket(deps, citizen, input)).rejects.toMatchObject({ errors: [{ path: 'body.consentVersion' }] });
    await expect(submitTicket(deps, citizen, { ...input, consentVersion: '2025-12' })).rejects.toBeInstanceOf(ValidationError);
    expect(deps.state.ticketWrites).toBe(0);
    const { ticket } = await submitTicket(deps, citizen, { ...input, consentVersion: '2026-01' });
    expect(ticket.consent).toEqual({ version: '2026-01', at: '2026-12-02T03:00:00.000Z' });
    // Open311 clients collect consent under their own agreement
    await expect(submitTicket(deps, citizen, input, undefined, { consentCollectedByClient: true })).resolves.toMatchObject({ replayed: false });
  });

  describe('Idempotency-Key', () => {
    it('a retry with the same key and body returns the first ticket, whatever the key order', async () => {
      const deps = memoryDependencies();
      const first = await submitTicket(deps, citizen, input, 'key-1');
      deps.clock.advance(5_000);
      const reordered = { location: { address: 'số 5 ngõ 12', wardCode: '00001' }, description: input.description, category: input.category };
      const retry = await submitTicket(deps, citizen, reordered, 'key-1');
      expect(retry).toEqual({ ticket: first.ticket, replayed: true });
      expect(deps.state.tickets.size).toBe(1);
    });

    it('the same key with another body is refused', async () => {
      const deps = memoryDependencies();
      await submitTicket(deps, citizen, input, 'key-1');
      await expect(submitTicket(deps, citizen, { ...input, description: 'Một phản ánh khác hẳn' }, 'key-1')).rejects.toBeInstanceOf(IdempotencyMismatchError);
      expect(deps.state.tickets.size).toBe(1);
    });

    it('three attempts at once make one ticket and all three answer with it', async () => {
      const deps = memoryDependencies();
      const results = await Promise.all([1, 2, 3].map(() => submitTicket(deps, citizen, input, 'key-race')));
      expect(new Set(results.map((r) => r.ticket.id)).size).toBe(1);
      expect(results.map((r) => r.replayed).sort()).toEqual([false, true, true]);
      expect(deps.state.tickets.size).toBe(1);
    });

    it('keys are the citizen’s own: another citizen’s same key makes their own ticket', async () => {
      const deps = memoryDependencies();
      const mine = await submitTicket(deps, citizen, input, 'shared');
      const theirs = await submitTicket(deps, { userId: 'citizen-2', role: 'citizen' }, input, 'shared');
      expect(theirs.replayed).toBe(false);
      expect(theirs.ticket.id).not.toBe(mine.ticket.id);
    });

    it('a retry naming the photos its first attempt attached is a replay, not a 400', async () => {
      const deps = memoryDependencies();
      const photo: Upload = { id: 'up-1', ownerId: 'citizen-1', purpose: 'ticket', contentType: 'image/jpeg', size: 1000, status: 'ready', createdAt: '2026-12-02T02:59:00.000Z', width: 640, height: 480, format: 'jpeg' };
      await deps.uploads.create(photo);
      const withPhoto = { ...input, attachments: [{ uploadId: 'up-1' }] };
      const first = await submitTicket(deps, citizen, withPhoto, 'key-photo');
      expect(first.ticket.attachments).toEqual([{ id: 'up-1', width: 640, height: 480, format: 'jpeg' }]);
      expect(await deps.uploads.get('up-1')).toMatchObject({ status: 'attached', ticketId: first.ticket.id });
      expect(await submitTicket(deps, citizen, withPhoto, 'key-photo')).toEqual({ ticket: first.ticket, replayed: true });
      // without the key the same photos are a bad field
      await expect(submitTicket(deps, citizen, withPhoto)).rejects.toMatchObject({ errors: [expect.objectContaining({ path: expect.stringMatching(/^body\.attachments\.0/) })] });
    });
  });

  it('skips a reference a lost counter hands out again', async () => {
    const deps = memoryDependencies();
    deps.state.refs.set('HN-261202-0001', '01JOLDTICKET00000000000000');
    deps.state.refs.set('HN-261202-0002', '01JOLDTICKET00000000000001');
    const { ticket } = await submitTicket(deps, citizen, input);
    expect(ticket.ref).toBe('HN-261202-0003');
  });
});
