// The audit's seeded sample: one instance per task, the same sample for the same seed, the
// paper's 200 by default, at least 30, and every task (with a note) when the pool has fewer.
import { describe, expect, it } from 'vitest';
import { DEFAULT_AUDIT_SIZE, MIN_AUDIT_SIZE, sampleAudit, type AuditableTask } from '../../src/lib/audit';

const tasks = (count: number, instanceCount = 3): AuditableTask[] => Array.from({ length: count }, (_, i) => ({ taskId: `t${i}`, instanceCount }));

describe('sampleAudit', () => {
  it('draws the paper’s 200 distinct tasks by default, each with an instance it has', () => {
    const pool = tasks(1000, 4);
    const { items, short } = sampleAudit(pool, 7);
    expect(items).toHaveLength(DEFAULT_AUDIT_SIZE);
    expect(new Set(items.map((item) => item.taskId)).size).toBe(DEFAULT_AUDIT_SIZE);
    expect(items.every((item) => Number.isInteger(item.instance) && item.instance >= 0 && item.instance < 4)).toBe(true);
    expect(short).toBeUndefined();
  });

  it('gives the same sample, instances included, for the same seed, and another for another seed', () => {
    const pool = tasks(500, 5);
    expect(sampleAudit(pool, 42, 50)).toEqual(sampleAudit(pool, 42, 50));
    expect(sampleAudit(pool, 43, 50).items).not.toEqual(sampleAudit(pool, 42, 50).items);
  });

  it('chooses the instance by the seed too, not always the first', () => {
    const instances = sampleAudit(tasks(500, 5), 1, 100).items.map((item) => item.instance);
    expect(new Set(instances).size).toBe(5);
  });

  it('asks for at least 30 items', () => {
    expect(sampleAudit(tasks(100), 1, 5).items).toHaveLength(MIN_AUDIT_SIZE);
  });

  it('takes every task, and says so, when the pool has fewer than asked', () => {
    const { items, short } = sampleAudit(tasks(40), 3, 200);
    expect(items.map((item) => item.taskId).sort()).toEqual(tasks(40).map((task) => task.taskId).sort());
    expect(short).toEqual({ asked: 200, available: 40 });
  });

  it('leaves out tasks without an instance: there is nothing to rate', () => {
    const pool = [...tasks(35, 2), { taskId: 'empty', instanceCount: 0 }];
    const { items, short } = sampleAudit(pool, 9, 200);
    expect(items.map((item) => item.taskId)).not.toContain('empty');
    expect(short).toEqual({ asked: 200, available: 35 });
  });
});
