import { defineConfig } from 'vitest/config';

/**
 * Tests that need the ONNX models, the sample photos or a command-line run: the engine
 * project. Everything else outside tests/e2e is a unit test (no models, no photos).
 */
const ENGINE = [
  'tests/engine/{garment-sheet,garment,old-top,portrait,resize,runtime,try-on,wardrobe}.test.ts',
  'tests/cli/**/*.test.ts',
  'tests/models/**/*.test.ts',
  'tests/size/{portrait-measures,size-cli}.test.ts',
];
const E2E = ['tests/e2e/**/*.test.ts'];

export default defineConfig({
  test: {
    testTimeout: 120_000,
    hookTimeout: 180_000,
    pool: 'forks',
    // `npm test` runs all three; `npm run test:unit` runs the first alone, in seconds.
    projects: [
      { extends: true, test: { name: 'unit', include: ['tests/**/*.test.ts', 'tests/**/*.test.tsx'], exclude: [...ENGINE, ...E2E] } },
      { extends: true, test: { name: 'engine', include: ENGINE } },
      // One browser at a time: the tests share the machine's two cores with Chromium's own processes.
      // A test runs once more if it fails: Chromium now and then never acknowledges a synthetic
      // key or click whose handler removes the frame it went to (the overlay closing), and the
      // Playwright call waits on (seen in about 1 run of the e2e project in 4 on 2026-12-02; the
      // page itself goes on). Every retry is printed in the run's report.
      { extends: true, test: { name: 'e2e', include: E2E, fileParallelism: false, retry: 1 } },
    ],
  },
});
