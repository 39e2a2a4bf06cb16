/**
 * Worker thread of `readSubscriptionColumnsCsvFile`: reads one part of a subscriptions CSV and posts the
 * {@link SubscriptionPart}, its typed arrays transferred, or the error that stopped it.
 */
import { parentPort, workerData } from 'node:worker_threads';
import { partTransferList, type SubscriptionPart } from '../csv/subscription-part.js';
import type { PartTask } from './read-subscription-columns-file.js';
import { readPart } from './read-part.js';

let part: SubscriptionPart | undefined;
try {
  part = readPart(workerData as PartTask);
} catch (error) {
  parentPort?.postMessage({ error });
}
if (part !== undefined) parentPort?.postMessage({ part }, partTransferList(part));
