// A person's audit of a seeded sample with the paper's three questions: the sample, the Wilson
// interval, Cohen's kappa, and the result table beside Self-Instruct's Table 2.
export { DEFAULT_AUDIT_SIZE, MIN_AUDIT_SIZE, newAuditSeed, sampleAudit, type AuditableTask, type AuditSample } from './sample';
export { wilsonInterval, type Interval } from './wilson';
export { cohensKappa, type AgreementCounts, type Kappa } from './kappa';
export { AUDIT_QUESTIONS, MEASURE_LABELS, PAPER_FIGURES, QUESTION_TEXT, type AuditMeasure } from './questions';
export { auditItemState, type AuditedTask, type AuditItemState } from './item-state';
export { auditReport, type AuditReport, type AuditRow, type QuestionAgreement } from './audit-report';
export { formatKappa, formatShare } from './format';
