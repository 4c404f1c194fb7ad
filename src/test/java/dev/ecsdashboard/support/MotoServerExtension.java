package dev.ecsdashboard.support;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ConditionEvaluationResult;
import org.junit.jupiter.api.extension.ExecutionCondition;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ExtensionContext.Namespace;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;

/**
 * Runs a test class against a {@link MotoServer}: one server for the whole test run, started before
 * the first class that needs it and stopped (with its process tree) when the run ends. Inject
 * {@link MotoServer} or {@link MotoEcs} into {@code @BeforeAll}, constructors or test methods. It
 * also sets the dummy credentials {@code aws.accessKeyId}/{@code aws.secretAccessKey} as system
 * properties, which the SDK's default chain in the dashboard's aws mode picks up.
 *
 * <p>Without {@code moto_server}, the class is skipped with a loud message, unless the system
 * property {@code it.required} is {@code true} (as on CI): then it fails.
 */
public final class MotoServerExtension
    implements ExecutionCondition, BeforeAllCallback, ParameterResolver {

  private static final Namespace NAMESPACE = Namespace.create(MotoServerExtension.class);

  @Override
  public ConditionEvaluationResult evaluateExecutionCondition(ExtensionContext context) {
    if (MotoServer.locate().isPresent() || required()) {
      return ConditionEvaluationResult.enabled("moto_server is installed, or required");
    }
    String testClass = context.getRequiredTestClass().getSimpleName();
    if (context.getTestMethod().isEmpty()) {
      System.err.println(
          notFound(testClass) + " SKIPPING " + testClass + " (it.required is not true).\n");
    }
    return ConditionEvaluationResult.disabled(
        "moto_server is not installed: pip install 'moto[server]', or run with -Dit.required=true"
            + " to make this a failure");
  }

  @Override
  public void beforeAll(ExtensionContext context) {
    server(context);
  }

  @Override
  public boolean supportsParameter(ParameterContext parameter, ExtensionContext context) {
    Class<?> type = parameter.getParameter().getType();
    return type == MotoServer.class || type == MotoEcs.class;
  }

  @Override
  public Object resolveParameter(ParameterContext parameter, ExtensionContext context) {
    MotoServer server = server(context);
    return parameter.getParameter().getType() == MotoEcs.class ? server.ecs() : server;
  }

  private static MotoServer server(ExtensionContext context) {
    String testClass = context.getRequiredTestClass().getSimpleName();
    Path executable =
        MotoServer.locate()
            .orElseThrow(
                () ->
                    new IllegalStateException(
                        notFound(testClass) + " it.required=true, so this is a failure."));
    MotoServer server =
        context
            .getRoot()
            .getStore(NAMESPACE)
            .computeIfAbsent(MotoServer.class, key -> start(executable), MotoServer.class);
    System.setProperty("aws.accessKeyId", "testing");
    System.setProperty("aws.secretAccessKey", "testing");
    return server;
  }

  private static MotoServer start(Path executable) {
    try {
      return MotoServer.start(executable);
    } catch (IOException e) {
      throw new UncheckedIOException("Could not start " + executable, e);
    }
  }

  private static boolean required() {
    return Boolean.getBoolean("it.required");
  }

  private static String notFound(String testClass) {
    return String.join(
        "\n",
        "",
        "=".repeat(78),
        " moto_server NOT FOUND: the integration tests of " + testClass + " cannot run.",
        " Looked on the PATH and in ~/.pyenv/shims (or $PYENV_ROOT/shims).",
        " Install it with:  pip install 'moto[server]'   (Python 3.9 or later)",
        " With -Dit.required=true (as on CI) a missing moto_server fails the build.",
        "=".repeat(78),
        "");
  }
}
