import { GetCommand } from '@aws-sdk/lib-dynamodb';
import type { DepartmentDirectory } from '../../app/ports.js';
import type { Department } from '../../domain/department.js';
import { documentClient } from './client.js';
import { tableName } from './table.js';

export const DEPARTMENT_PARTITION = 'DEPARTMENT';
export const departmentItem = (d: Department) => ({ pk: DEPARTMENT_PARTITION, sk: d.id, entity: 'department', ...d });

export const dynamoDepartmentDirectory: DepartmentDirectory = {
  async get(id) {
    const out = await documentClient.send(new GetCommand({ TableName: tableName(), Key: { pk: DEPARTMENT_PARTITION, sk: id } }));
    if (!out.Item) return undefined;
    const { pk: _pk, sk: _sk, entity: _e, ...department } = out.Item;
    return department as Department;
  },
};
