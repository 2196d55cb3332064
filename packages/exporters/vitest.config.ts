import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['src/**/*.test.ts'],
    // Terraform init/validate/plan and CDK synth are slow real checks; give them room.
    testTimeout: 120_000,
    hookTimeout: 120_000,
  },
});
