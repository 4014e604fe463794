/**
 * Remembers who asked for each job, so the offscreen document's progress events
 * reach that tab's overlay or the popup (the offscreen document cannot message tabs).
 */
import type { JobId, ProgressEvent } from '../messaging';

export type JobOwner = { kind: 'tab'; tabId: number } | { kind: 'popup' };

export interface ProgressSinks {
  toTab(tabId: number, event: ProgressEvent): Promise<void>;
  toPopup(event: ProgressEvent): Promise<void>;
}

/**
 * A registry of running jobs and their owners.
 * @example
 *   const routes = progressRoutes(sinks);
 *   routes.start(jobId, { kind: 'tab', tabId: 7 });
 *   routes.forward({ jobId, stage: 'fitting', fraction: 0.6 }); // reaches tab 7
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
        if (owner.kind === 'tab') await sinks.toTab(owner.tabId, event);
        else await sinks.toPopup(event);
        return true;
      } catch {
        return false; // the tab navigated away or the popup closed: progress is best effort
      }
    },
    get size(): number {
      return owners.size;
    },
  };
}
