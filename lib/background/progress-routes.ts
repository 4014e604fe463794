/**
 * Remembers who asked for each job, so the offscreen document's progress events
 * reach the overlay frames or the popup. Both are extension pages: progress goes out
 * as a runtime message, which only the extension's own pages receive, and each page
 * keeps its own job's events.
 */
import type { JobId, ProgressEvent } from '../messaging';

export type JobOwner = { kind: 'overlay' } | { kind: 'popup' };

export interface ProgressSinks {
  toOverlay(event: ProgressEvent): Promise<void>;
  toPopup(event: ProgressEvent): Promise<void>;
}

/**
 * A registry of running jobs and their owners.
 * @example
 *   const routes = progressRoutes(sinks);
 *   routes.start(jobId, { kind: 'overlay' });
 *   routes.forward({ jobId, stage: 'fitting', fraction: 0.6 }); // reaches the overlay frames
 *   routes.finish(jobId);
 */
export function progressRoutes(sinks: ProgressSinks) {
  const owners = new Map<JobId, JobOwner>();
  return {
    start(jobId: JobId, owner: JobOwner): void {
      owners.set(jobId, owner);
    },
    finish(jobId: JobId): void {
      owners.delete(jobId);
    },
    /** Delivers the event to the job's owner; unknown jobs and closed receivers are ignored. */
    async forward(event: ProgressEvent): Promise<boolean> {
      const owner = owners.get(event.jobId);
      if (!owner) return false;
      try {
        if (owner.kind === 'overlay') await sinks.toOverlay(event);
        else await sinks.toPopup(event);
        return true;
      } catch {
        return false; // the overlay or the popup closed: progress is best effort
      }
    },
    get size(): number {
      return owners.size;
    },
  };
}
