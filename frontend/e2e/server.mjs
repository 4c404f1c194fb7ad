// Starts the packaged dashboard (target/ecs-dashboard-*.jar) in demo mode on a free port, with a
// temporary audit directory, waits until it is ready, and stops it afterwards.
import { spawn } from "node:child_process";
import { createWriteStream, mkdtempSync, readdirSync, rmSync, mkdirSync } from "node:fs";
import { createServer } from "node:net";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";

export const TARGET = resolve(import.meta.dirname, "../../target");
const READY_WITHIN_MS = 120_000;

function freePort() {
  return new Promise((ok, fail) => {
    const server = createServer();
    server.on("error", fail);
    server.listen(0, "127.0.0.1", () => {
      const { port } = server.address();
      server.close(() => ok(port));
    });
  });
}

function packagedJar() {
  const jar = readdirSync(TARGET).find((f) => /^ecs-dashboard-.*\.jar$/.test(f) && !f.endsWith("-plain.jar"));
  if (!jar) throw new Error(`No packaged jar in ${TARGET}: run ./mvnw package first`);
  return join(TARGET, jar);
}

/**
 * Starts the dashboard; resolves to { baseUrl, stop() } once /actuator/health/readiness is UP on
 * Actuator's own port (management.server.port), as a load balancer would ask it.
 */
export async function startDashboard(extraArgs = []) {
  const port = await freePort();
  const managementPort = await freePort();
  const auditDir = mkdtempSync(join(tmpdir(), "ecs-dashboard-e2e-"));
  mkdirSync(join(TARGET, "e2e"), { recursive: true });
  const log = createWriteStream(join(TARGET, "e2e", "server.log"));
  const java = process.env.JAVA_HOME ? join(process.env.JAVA_HOME, "bin", "java") : "java";
  const child = spawn(
    java,
    [
      "-jar",
      packagedJar(),
      "--spring.profiles.active=demo",
      `--server.port=${port}`,
      "--server.address=127.0.0.1",
      `--management.server.port=${managementPort}`,
      "--management.server.address=127.0.0.1",
      `--dashboard.audit.directory=${auditDir}`,
      ...extraArgs,
    ],
    { stdio: ["ignore", "pipe", "pipe"] },
  );
  child.stdout.pipe(log);
  child.stderr.pipe(log);
  let exited = null;
  child.on("exit", (code, signal) => (exited = { code, signal }));

  const stop = async () => {
    if (exited === null) {
      child.kill("SIGTERM");
      const deadline = Date.now() + 20_000;
      while (exited === null && Date.now() < deadline) await new Promise((r) => setTimeout(r, 100));
      if (exited === null) child.kill("SIGKILL");
    }
    rmSync(auditDir, { recursive: true, force: true });
  };

  const baseUrl = `http://127.0.0.1:${port}`;
  const readinessUrl = `http://127.0.0.1:${managementPort}/actuator/health/readiness`;
  const deadline = Date.now() + READY_WITHIN_MS;
  try {
    for (;;) {
      if (exited !== null) throw new Error(`The dashboard exited (${JSON.stringify(exited)}): see target/e2e/server.log`);
      if (Date.now() > deadline) throw new Error(`The dashboard was not ready within ${READY_WITHIN_MS} ms: see target/e2e/server.log`);
      try {
        const response = await fetch(readinessUrl);
        if (response.ok && (await response.json()).status === "UP") break;
      } catch {
        // not listening yet
      }
      await new Promise((r) => setTimeout(r, 250));
    }
  } catch (error) {
    await stop();
    throw error;
  }
  return { baseUrl, stop };
}
