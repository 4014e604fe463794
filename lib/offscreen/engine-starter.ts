/**
 * Starts the try-on engine once, on the first request that needs it, and gives every
 * later request the same engine (its ONNX sessions are costly to create).
 */
import { ExtensionError } from '../error-info';
import type { Engine } from '../engine/index';

export interface EngineStarter {
  /** The engine, started now if it is not yet; a failed start is tried again on the next call. */
  get(): Promise<Engine>;
  /** Starts the engine and gives its models their first (blank) run, once. */
  warmUp(): Promise<Engine>;
  /** The engine if it has been started, for status reports. */
  readonly engine: Engine | null;
}

/**
 * @example
 *   const engines = createEngineStarter(() => createEngine(options));
 *   const engine = await engines.get();
 */
export function createEngineStarter(startEngine: () => Promise<Engine>): EngineStarter {
  let engine: Engine | null = null;
  let starting: Promise<Engine> | null = null;
  /** Whether the models have had their first (blank) run. */
  let primed = false;

  const get = (): Promise<Engine> => {
    starting ??= startEngine().then(
      (e) => (engine = e),
      (e: unknown) => {
        starting = null; // let a later request try again
        throw new ExtensionError('engine-unavailable', `The try-on engine could not start: ${(e as Error).message ?? String(e)}`);
      },
    );
    return starting;
  };

  return {
    get,
    async warmUp() {
      const eng = await get();
      if (!primed) {
        primed = true;
        await eng.warmUp();
      }
      return eng;
    },
    get engine() {
      return engine;
    },
  };
}
