/**
 * Which of the converted models go into the extension. `npm run models` writes every
 * model in three precisions (fp32, fp16, int8: ~43 MB in all); the extension ships
 * only the files the engine loads (its MODEL_FILES in its precision: ~12 MB), or, when
 * not told, each model's default precision as models.json names it, and a models.json
 * that lists only what it ships.
 * Build-time code (wxt.config.ts), kept pure so it is tested.
 */

interface ModelsJson {
  defaultPrecision?: string;
  models?: { name?: string; defaultPrecision?: string; variants?: Record<string, { file?: string }> }[];
}

/**
 * The .onnx files to ship, from the text of models.json; every .onnx in `available` when
 * models.json does not say (an older or hand-made models folder).
 * @throws Error naming the model and file when models.json names a file that is not there.
 * @param engineFiles the files the engine loads; when given, exactly these ship
 * @example shippedModelFiles(readFileSync('assets/models/models.json', 'utf8'), readdirSync('assets/models')) // ['blazepose-detector.fp16.onnx', ...]
 */
export function shippedModelFiles(modelsJsonText: string, available: string[], engineFiles?: string[]): string[] {
  if (engineFiles) {
    const missing = engineFiles.filter((f) => !available.includes(f));
    if (missing.length > 0) throw new Error(`Expected the engine's models ${missing.join(', ')} in assets/models but they are missing: run \`npm run models\`.`);
    return [...engineFiles].sort();
  }
  const onnx = available.filter((f) => f.endsWith('.onnx')).sort();
  let json: ModelsJson;
  try {
    json = JSON.parse(modelsJsonText) as ModelsJson;
  } catch {
    return onnx;
  }
  if (!Array.isArray(json.models) || json.models.length === 0) return onnx;
  const files: string[] = [];
  for (const model of json.models) {
    const precision = model.defaultPrecision ?? json.defaultPrecision;
    const file = precision ? model.variants?.[precision]?.file : undefined;
    if (!file) return onnx; // a shape we do not know: ship everything rather than break the engine
    if (!available.includes(file)) {
      throw new Error(`Expected ${file} (model ${model.name ?? '?'}, ${precision}) in assets/models as models.json says, but it is missing: run \`npm run models\`.`);
    }
    files.push(file);
  }
  return files.sort();
}

/**
 * The models.json that goes into the extension: only the entries of the files it ships
 * (`shipped`), so what it lists (bg.status reports it) is what the build holds. Each
 * model keeps its description, source and licences with only its shipped variants;
 * models with none are left out. Text that is not the build's models.json is kept as is.
 * @example shippedModelsJson(readFileSync('assets/models/models.json', 'utf8'), ['blazepose-full.fp16.onnx'])
 */
export function shippedModelsJson(modelsJsonText: string, shipped: string[]): string {
  let json: ModelsJson & Record<string, unknown>;
  try {
    json = JSON.parse(modelsJsonText) as ModelsJson & Record<string, unknown>;
  } catch {
    return modelsJsonText;
  }
  if (!Array.isArray(json.models)) return modelsJsonText;
  const models = json.models.flatMap((model) => {
    const variants = Object.entries(model.variants ?? {}).filter(([, v]) => v?.file !== undefined && shipped.includes(v.file));
    return variants.length > 0 ? [{ ...model, variants: Object.fromEntries(variants) }] : [];
  });
  return `${JSON.stringify({ ...json, models }, null, 2)}\n`;
}
