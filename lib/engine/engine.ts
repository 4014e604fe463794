/**
 * Wires the stages together behind the Engine interface.
 * (Being built: perception lands first, then garment analysis, fit, warp and render.)
 */
import type { Engine, EngineOptions } from './index';
import { FitroomError } from './errors';

/**
 * Loads the models once and returns an engine that keeps them.
 * @example
 *   const engine = await createEngine({ loadModel: (f) => readFile(`assets/models/${f}`) });
 *   const portrait = await engine.analysePortrait(img);
 */
export async function createEngine(options: EngineOptions): Promise<Engine> {
  void options;
  const notYet = (): never => { throw new FitroomError('bad-argument', 'The try-on engine is not built yet.'); };
  return {
    backend: 'wasm',
    analysePortrait: async () => notYet(),
    analyseGarment: async () => notYet(),
    tryOn: async () => notYet(),
    dispose: async () => {},
  };
}
