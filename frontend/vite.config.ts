import { defineConfig } from "vitest/config";

// Bundles src/main.ts (and the CSS it imports) into the jar's static assets: /js/app.js and
// /css/app.css under target/classes/static, where Spring Boot serves them. Fixed names, so the
// Thymeleaf layout can link them; nothing else in static/ is touched.
export default defineConfig({
  build: {
    outDir: "../target/classes/static",
    emptyOutDir: false,
    sourcemap: true,
    target: "es2020",
    rollupOptions: {
      input: "src/main.ts",
      output: {
        entryFileNames: "js/app.js",
        assetFileNames: "css/app[extname]",
      },
    },
  },
  test: {
    environment: "happy-dom",
    include: ["src/**/*.test.ts"],
  },
});
