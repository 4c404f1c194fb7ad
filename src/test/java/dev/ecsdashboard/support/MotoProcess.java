package dev.ecsdashboard.support;

import java.io.File;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.BooleanSupplier;
import java.util.stream.Stream;

/** The {@code moto_server} operating-system process: finding, starting and stopping it. */
final class MotoProcess {

  static final String EXECUTABLE = "moto_server";

  private static final Duration POLL = Duration.ofMillis(100);

  private final Process process;
  private final int port;
  private final Path log;

  private MotoProcess(Process process, int port, Path log) {
    this.process = process;
    this.port = port;
    this.log = log;
  }

  /** {@code moto_server} on the PATH, or else among pyenv's shims. */
  static Optional<Path> locate() {
    List<Path> directories = new ArrayList<>();
    String path = System.getenv("PATH");
    if (path != null) {
      Stream.of(path.split(File.pathSeparator))
          .filter(dir -> !dir.isBlank())
          .map(Path::of)
          .forEach(directories::add);
    }
    String pyenvRoot = System.getenv("PYENV_ROOT");
    if (pyenvRoot != null) {
      directories.add(Path.of(pyenvRoot, "shims"));
    }
    String home =
        Optional.ofNullable(System.getenv("HOME")).orElse(System.getProperty("user.home"));
    directories.add(Path.of(home, ".pyenv", "shims"));
    return directories.stream()
        .map(dir -> dir.resolve(EXECUTABLE))
        .filter(Files::isRegularFile)
        .filter(Files::isExecutable)
        .findFirst();
  }

  /** Starts moto_server on a free loopback port, logging to {@code target/}. */
  static MotoProcess start(Path executable) throws IOException {
    int port = freePort();
    Path logDirectory = Files.isDirectory(Path.of("target")) ? Path.of("target") : Path.of(".");
    Path log = logDirectory.resolve("moto_server-" + port + ".log");
    Process process =
        new ProcessBuilder(executable.toString(), "-H", "127.0.0.1", "-p", Integer.toString(port))
            .redirectErrorStream(true)
            .redirectOutput(log.toFile())
            .start();
    return new MotoProcess(process, port, log);
  }

  int port() {
    return port;
  }

  /**
   * Polls {@code answers} until it says yes, failing if the process exits first or the deadline
   * passes.
   */
  void awaitAnswer(BooleanSupplier answers, Duration timeout) {
    Instant deadline = Instant.now().plus(timeout);
    while (Instant.now().isBefore(deadline)) {
      if (answers.getAsBoolean()) {
        return;
      }
      if (hasExitedWithin(POLL)) {
        throw new IllegalStateException(
            "moto_server exited with " + process.exitValue() + " before answering:\n" + logTail());
      }
    }
    throw new IllegalStateException(
        "moto_server did not answer within " + timeout.toSeconds() + " s:\n" + logTail());
  }

  /** Waits for the process to exit, at most {@code timeout}: the pause between polls. */
  private boolean hasExitedWithin(Duration timeout) {
    try {
      process.onExit().get(timeout.toMillis(), TimeUnit.MILLISECONDS);
      return true;
    } catch (TimeoutException stillRunning) {
      return false;
    } catch (ExecutionException e) {
      throw new IllegalStateException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("Interrupted while waiting for moto_server", e);
    }
  }

  /** Stops the process and every process it started, forcibly if they do not stop in time. */
  void stop() {
    List<ProcessHandle> tree = new ArrayList<>(process.descendants().toList());
    tree.add(process.toHandle());
    tree.forEach(ProcessHandle::destroy);
    for (ProcessHandle handle : tree) {
      try {
        handle.onExit().get(10, TimeUnit.SECONDS);
      } catch (TimeoutException | ExecutionException e) {
        handle.destroyForcibly();
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        handle.destroyForcibly();
      }
    }
  }

  private String logTail() {
    try {
      List<String> lines = Files.readAllLines(log);
      return String.join("\n", lines.subList(Math.max(0, lines.size() - 30), lines.size()));
    } catch (IOException e) {
      return "(no log at " + log + ")";
    }
  }

  private static int freePort() throws IOException {
    try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      return socket.getLocalPort();
    }
  }
}
