package dev.ecsdashboard.support;

import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Assumptions;

/**
 * Debian's AWS CLI ({@code /usr/bin/aws}, not a pyenv shim of the same name), run against an ECS
 * endpoint with dummy credentials, JSON output and wire timestamps ({@code cli_timestamp_format =
 * wire}: epoch seconds exactly as ECS sent them).
 */
public final class AwsCli {

  public static final Path AWS = Path.of("/usr/bin/aws");

  private AwsCli() {}

  /**
   * Skips the calling test with a loud message when the CLI is missing, or fails it when the system
   * property {@code it.required} is true (as on CI).
   */
  public static void require(String testClass) {
    if (Files.isExecutable(AWS)) {
      return;
    }
    String message =
        String.join(
            "\n",
            "",
            "=".repeat(78),
            " /usr/bin/aws NOT FOUND: the AWS CLI comparison of " + testClass + " cannot run.",
            " Install Debian's AWS CLI with:  apt-get install -y awscli",
            " With -Dit.required=true (as on CI) a missing AWS CLI fails the build.",
            "=".repeat(78),
            "");
    if (Boolean.getBoolean("it.required")) {
      throw new IllegalStateException(message);
    }
    System.err.println(message);
    Assumptions.abort("/usr/bin/aws is not installed");
  }

  /**
   * Runs {@code aws ecs ARGS --endpoint-url ENDPOINT --region REGION --output json} and returns
   * what it printed.
   *
   * @param temp a folder for the CLI's config file and output
   */
  public static String ecs(URI endpoint, String region, Path temp, String... args)
      throws IOException, InterruptedException {
    Path config = temp.resolve("aws-config");
    Files.writeString(config, "[default]\nregion = " + region + "\ncli_timestamp_format = wire\n");
    List<String> command = new ArrayList<>(List.of(AWS.toString(), "ecs"));
    command.addAll(List.of(args));
    command.addAll(
        List.of(
            "--endpoint-url",
            endpoint.toString(),
            "--region",
            region,
            "--output",
            "json",
            "--no-cli-pager"));
    ProcessBuilder builder = new ProcessBuilder(command);
    Map<String, String> env = builder.environment();
    env.put("AWS_CONFIG_FILE", config.toString());
    env.put("AWS_SHARED_CREDENTIALS_FILE", temp.resolve("aws-credentials").toString());
    env.put("AWS_ACCESS_KEY_ID", "testing");
    env.put("AWS_SECRET_ACCESS_KEY", "testing");
    env.remove("AWS_PROFILE");
    Path out = temp.resolve("aws-out.json");
    Path err = temp.resolve("aws-err.txt");
    Process process = builder.redirectOutput(out.toFile()).redirectError(err.toFile()).start();
    if (!process.waitFor(60, TimeUnit.SECONDS)) {
      process.destroyForcibly();
      throw new IllegalStateException("aws ecs " + args[0] + " did not finish in 60 s");
    }
    if (process.exitValue() != 0) {
      throw new IllegalStateException(
          "aws ecs "
              + String.join(" ", args)
              + " failed: "
              + Files.readString(err, StandardCharsets.UTF_8));
    }
    return Files.readString(out, StandardCharsets.UTF_8);
  }
}
