import { GetCommand } from '@aws-sdk/lib-dynamodb';
import type { DepartmentDirectory } from '../../app/ports.js';
import type { Department } from '../../domain/department.js';
import { documentClient } from './client.js';
import { queryPage } from './query-page.js';
import { bumpVersion, forgetReferenceVersions, versionedCache } from './reference-version.js';
import { fromItem, tableName } from './table.js';
import { transactWrite } from './transact.js';

export const DEPARTMENT_PARTITION = 'DEPARTMENT';
export const departmentItem = (d: Department) => ({ pk: DEPARTMENT_PARTITION, sk: d.id, entity: 'department', ...d });

export const dynamoDepartmentDirectory: DepartmentDirectory = {
  async get(id) {
    const out = await documentClient.send(new GetCommand({ TableName: tableName(), Key: { pk: DEPARTMENT_PARTITION, sk: id } }));
    return out.Item ? fromItem<Department>(out.Item) : undefined;
  },

  async list(page) {
    const out = await queryPage({ partitionValue: DEPARTMENT_PARTITION, ...page });
    return { items: out.items.map((item) => fromItem<Department>(item)), nextCursor: out.nextCursor };
  },

  async put(department) {
    await transactWrite({ TransactItems: [{ Put: { TableName: tableName(), Item: departmentItem(department) } }, bumpVersion('departments')] });
    forgetReferenceVersions();
  },
};

/**
 * `get` remembered per department until the `departments` version moves: access checks,
 * metrics scopes and notifications look up the same few units again and again.
 */
const byVersion = versionedCache('departments', async () => new Map<string, Promise<Department | undefined>>());
export const cachedDepartmentDirectory: Pick<DepartmentDirectory, 'get'> = {
  async get(id) {
    const known = await byVersion();
    let department = known.get(id);
    if (!department) {
      department = dynamoDepartmentDirectory.get(id);
      known.set(id, department);
      // A miss is not remembered: the department may be created in a moment.
      department.then((d) => d ?? known.delete(id), () => known.delete(id));
    }
    return department;
  },
};
