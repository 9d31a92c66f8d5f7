/** Response templates (shared/app/response-templates.ts), in memory. */
import { describe, expect, it } from 'vitest';
import { deleteResponseTemplate, listResponseTemplates, putResponseTemplate } from '../../../shared/app/response-templates.js';
import { NotFoundError, ValidationError } from '../../../shared/domain/errors.js';
import { memoryDependencies } from '../../support/memory.js';

const template = { category: 'health', kind: 'respond' as const, title: { vi: 'Đã xử lý', en: 'Done' }, body: { vi: 'Đơn vị đã xử lý xong phản ánh.', en: 'The unit has dealt with it.' } };

describe('response templates', () => {
  it('creates, then replaces, stamping each write with the clock', async () => {
    const deps = memoryDependencies();
    expect(await putResponseTemplate(deps, 't1', template)).toEqual({ created: true, template: { id: 't1', ...template, updatedAt: '2026-12-02T03:00:00.000Z' } });
    deps.clock.advance(1000);
    const replaced = await putResponseTemplate(deps, 't1', { ...template, title: { vi: 'Xong', en: 'Done' } });
    expect(replaced).toMatchObject({ created: false, template: { updatedAt: '2026-12-02T03:00:01.000Z', title: { vi: 'Xong' } } });
    expect((await listResponseTemplates(deps, { limit: 10, category: 'health' })).items).toEqual([replaced.template]);
  });

  it('lists a category’s own templates with the ones for every category, and refuses an unknown category', async () => {
    const deps = memoryDependencies();
    await putResponseTemplate(deps, 'a', template);
    await putResponseTemplate(deps, 'b', { ...template, category: '*' });
    await putResponseTemplate(deps, 'c', { ...template, category: 'education' });
    expect((await listResponseTemplates(deps, { limit: 10, category: 'health' })).items.map((t) => t.id)).toEqual(['a', 'b']);
    await expect(listResponseTemplates(deps, { limit: 10, category: 'unicorns' })).rejects.toBeInstanceOf(ValidationError);
    await expect(putResponseTemplate(deps, 'd', { ...template, category: 'unicorns' })).rejects.toBeInstanceOf(ValidationError);
  });

  it('deleting what is not there is a 404', async () => {
    const deps = memoryDependencies();
    await putResponseTemplate(deps, 'a', template);
    await deleteResponseTemplate(deps, 'a');
    await expect(deleteResponseTemplate(deps, 'a')).rejects.toBeInstanceOf(NotFoundError);
  });
});
