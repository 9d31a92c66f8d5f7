/** The processing function reads the object key from each way it is invoked: S3 notifications (local), EventBridge (AWS), GuardDuty verdicts. */
import { describe, expect, it } from 'vitest';
import { keysOf } from '../../../functions/events/process-upload.js';

const key = 'incoming/01KBX00000000000000000000A';

describe('keysOf', () => {
  it('S3 notification records (created only, URL-decoded)', () => {
    const record = (eventName: string, k: string) => ({ eventName, s3: { object: { key: k } } });
    expect(keysOf({ Records: [record('ObjectCreated:Post', key), record('ObjectRemoved:Delete', key), record('ObjectCreated:Put', 'incoming/a+b%21')] } as never)).toEqual([key, 'incoming/a b!']);
  });
  it('EventBridge Object Created', () => {
    expect(keysOf({ source: 'aws.s3', 'detail-type': 'Object Created', detail: { bucket: { name: 'b' }, object: { key } } })).toEqual([key]);
  });
  it('GuardDuty Malware Protection scan results', () => {
    expect(keysOf({ source: 'aws.guardduty', detail: { s3ObjectDetails: { bucketName: 'b', objectKey: key }, scanResultDetails: { scanResultStatus: 'NO_THREATS_FOUND' } } })).toEqual([key]);
  });
});
