import { transferHandlers, type TransferHandler } from 'comlink';
import type { FailureReason } from '../vocabulary';
import { FailureError } from './failure-error';

// comlink's own handler for thrown values (comlink 4.4.2, src/comlink.ts:242-273): it sends an
// Error as its name, message and stack only, and anything else as it is.
interface WireError {
  name: string;
  message: string;
  stack?: string;
  reason?: FailureReason;
}
type WireThrown = { isError: true; value: WireError } | { isError: false; value: unknown };
type Thrown = { value: unknown };

const comlinkThrow = transferHandlers.get('throw') as TransferHandler<Thrown, WireThrown>;

const failureThrow: TransferHandler<Thrown, WireThrown> = {
  canHandle: (value): value is Thrown => comlinkThrow.canHandle(value),
  serialize(thrown) {
    const [wire, transferables] = comlinkThrow.serialize(thrown);
    if (wire.isError && thrown.value instanceof FailureError) wire.value.reason = thrown.value.reason;
    return [wire, transferables];
  },
  deserialize(wire) {
    if (!wire.isError || !wire.value.reason) return comlinkThrow.deserialize(wire);
    const { name, message, stack, reason } = wire.value;
    throw Object.assign(new FailureError(reason, message), { name, stack });
  },
};

/**
 * Lets a failure's reason cross a worker boundary: a FailureError thrown on one side is thrown
 * as a FailureError with the same reason, name and message on the other. Install it on both
 * sides (the page's clients and every worker). The wire format is comlink's plus one field, so a
 * side without it still reads the name and message.
 */
export function installFailureHandler(): void {
  transferHandlers.set('throw', failureThrow as TransferHandler<unknown, unknown>);
}
