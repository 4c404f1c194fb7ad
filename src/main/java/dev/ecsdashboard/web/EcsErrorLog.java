package dev.ecsdashboard.web;

import dev.ecsdashboard.ecs.EcsBusyException;
import dev.ecsdashboard.ecs.EcsCallException;
import dev.ecsdashboard.ecs.EcsInvalidParameterException;
import dev.ecsdashboard.ecs.UnknownClusterException;
import dev.ecsdashboard.ecs.UnknownTaskException;
import dev.ecsdashboard.text.VisibleText;
import jakarta.servlet.http.HttpServletRequest;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One log line, never a stack trace, for each ECS error a page or an API call is answered with: the
 * operation, ECS's error code, its message (untrusted: invisible characters written out, cut) and
 * the user. These errors are expected, and a stack trace would add nothing to ECS's own words. What
 * the user asked for (an unknown task or cluster, input ECS rejected) and requests refused because
 * too many wait on ECS (counted by {@code ecs.requests.refused}) are INFO; ECS failing, not
 * answering or refusing the dashboard's credentials is WARN. Unexpected exceptions are not handled
 * here and keep their stack traces.
 */
public final class EcsErrorLog {

  private static final Logger log = LoggerFactory.getLogger(EcsErrorLog.class);
  private static final int MESSAGE_MAX = 300;
  private static final String LINE = "ECS {} failed: {} {} (user {})";

  private EcsErrorLog() {}

  /** Logs the error a request is about to be answered with. */
  public static void answered(EcsCallException e, HttpServletRequest request) {
    Object[] values = {
      e.operation(),
      e.errorCode(),
      VisibleText.of(e.getMessage(), MESSAGE_MAX),
      request.getRemoteUser() == null ? "-" : VisibleText.of(request.getRemoteUser(), 100)
    };
    if (e instanceof UnknownTaskException
        || e instanceof UnknownClusterException
        || e instanceof EcsInvalidParameterException
        || e instanceof EcsBusyException) {
      log.info(LINE, values);
    } else {
      log.warn(LINE, values);
    }
  }
}
