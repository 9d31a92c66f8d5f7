/**
 * cdk-nag acknowledgements (v3: CDK's native Validations API). Every one names its rule, the
 * exact finding where a rule reports several (e.g. `AwsSolutions-IAM5[Resource::*]`), and a
 * real reason; tests/infra lists them all.
 */
import { Validations } from 'aws-cdk-lib';
import type { IConstruct } from 'constructs';

export function acknowledge(scope: IConstruct, id: string, reason: string): void {
  if (!/^AwsSolutions-[A-Z]+\d+(\[.+\])?$/.test(id)) throw new Error(`cdk-nag acknowledgement: "${id}" is not an AwsSolutions rule id`);
  if (reason.trim().length < 40) throw new Error(`cdk-nag acknowledgement ${id}: give a real reason`);
  Validations.of(scope).acknowledge({ id, reason });
}
