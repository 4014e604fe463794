/**
 * Runs async jobs one after another, in the order they were asked for. The offscreen
 * document's requests go through one: the engine's ONNX sessions are shared and not
 * re-entrant.
 */

/** Runs `fn` after every job asked for before it has settled; its own result or error comes back. */
export type SerialRunner = <T>(fn: () => Promise<T>) => Promise<T>;

/**
 * A runner whose jobs never overlap; a failed job does not stop the ones after it.
 * @example
 *   const serial = createSerialRunner();
 *   const summary = await serial(() => analyse(request));
 */
export function createSerialRunner(): SerialRunner {
  let queue: Promise<unknown> = Promise.resolve();
  return <T>(fn: () => Promise<T>): Promise<T> => {
    const run = queue.then(fn, fn);
    queue = run.catch(() => {});
    return run;
  };
}
