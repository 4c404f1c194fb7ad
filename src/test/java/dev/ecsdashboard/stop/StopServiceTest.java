package dev.ecsdashboard.stop;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.ArgumentMatchers.argThat;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.BDDMockito.given;
import static org.mockito.BDDMockito.then;
import static org.mockito.BDDMockito.willThrow;
import static org.mockito.Mockito.inOrder;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.never;

import dev.ecsdashboard.audit.AuditEntry;
import dev.ecsdashboard.audit.AuditOutcome;
import dev.ecsdashboard.audit.AuditStore;
import dev.ecsdashboard.audit.StopAttempt;
import dev.ecsdashboard.ecs.EcsOperations;
import dev.ecsdashboard.ecs.EcsThrottledException;
import dev.ecsdashboard.ecs.EcsUnavailableException;
import dev.ecsdashboard.ecs.TaskRef;
import dev.ecsdashboard.security.ClusterAccess;
import java.time.Instant;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.mockito.InOrder;
import org.springframework.security.access.AccessDeniedException;
import software.amazon.awssdk.services.ecs.model.Tag;
import software.amazon.awssdk.services.ecs.model.Task;

class StopServiceTest {

  static final String ID = "0123456789abcdef0123456789abcdef";
  static final String ARN = "arn:aws:ecs:us-east-1:123456789012:task/prod/" + ID;
  static final TaskRef REF = TaskRef.parse("prod", ID);

  private final EcsOperations ecs = mock(EcsOperations.class);
  private final ClusterAccess access = mock(ClusterAccess.class);
  private final AuditStore audit = mock(AuditStore.class);
  private final StopService service =
      new StopService(ecs, access, audit, ReasonPolicyTest.policy(true, "{user}: {reason}"));

  @BeforeEach
  void signIn() {
    given(access.currentUser()).willReturn("operator");
    given(audit.open(any())).willReturn(7L);
    given(audit.record(any(), any(), any(), any())).willAnswer(i -> entry(i.getArgument(1)));
    given(audit.complete(eq(7L), any(), any(), any())).willAnswer(i -> entry(i.getArgument(1)));
  }

  @Test
  void stopsTaskWithAttributedReasonAfterWritingItsIntent() {
    given(ecs.describeTask(REF)).willReturn(running());
    given(ecs.stopTask(REF, "operator: patching")).willReturn(stopping());

    StopResult result = service.stop(REF, "  patching ", false);

    assertThat(result.outcome()).isEqualTo(StopOutcome.STOPPED);
    assertThat(result.reasonSent()).isEqualTo("operator: patching");
    InOrder order = inOrder(access, ecs, audit);
    order.verify(access).checkStop("prod");
    order.verify(ecs).describeTask(REF);
    order
        .verify(audit)
        .open(
            argThat(
                (StopAttempt a) ->
                    a.taskArn().equals(ARN)
                        && a.taskGroup().equals("service:web")
                        && a.tags().equals(java.util.Map.of("team", "payments"))
                        && a.reasonTyped().equals("  patching ")
                        && a.reasonSent().equals("operator: patching")));
    order.verify(ecs).stopTask(REF, "operator: patching");
    order.verify(audit).complete(7L, AuditOutcome.STOPPED, null, null);
  }

  @Test
  void sendsNothingForAnInvalidReasonAndRecordsNothing() {
    assertThatThrownBy(() -> service.stop(REF, "bad\u202ereason", false))
        .isInstanceOf(InvalidStopReasonException.class);
    then(ecs).shouldHaveNoInteractions();
    then(audit).shouldHaveNoInteractions();
  }

  @Test
  void recordsARefusedStopThenRefuses() {
    willThrow(new AccessDeniedException("viewer may not stop")).given(access).checkStop("prod");

    assertThatThrownBy(() -> service.stop(REF, "patching", false))
        .isInstanceOf(AccessDeniedException.class);

    then(audit).should().refused(any(), eq(1), eq("AccessDenied"), anyString());
    then(ecs).shouldHaveNoInteractions();
  }

  @Test
  void refusesAUserWhoMayNotStopBeforeLookingAtTheTaskTheReasonOrTheRequest() {
    willThrow(new AccessDeniedException("viewer may not stop")).given(access).checkStop("prod");

    assertThatThrownBy(
            () ->
                service.stop(
                    "prod",
                    "<not a task>",
                    "bad\u202ereason",
                    false,
                    () -> {
                      throw new AssertionError("the request is checked after the access rule");
                    }))
        .isInstanceOf(AccessDeniedException.class);

    then(audit)
        .should()
        .refused(
            argThat((StopAttempt a) -> a.taskArn() == null && a.reasonSent() == null),
            eq(1),
            eq("AccessDenied"),
            anyString());
    then(ecs).shouldHaveNoInteractions();
  }

  @Test
  void checksTheRequestTheTaskAndTheReasonOnceTheAccessRuleAllowsTheStop() {
    assertThatThrownBy(
            () ->
                service.stop(
                    "prod",
                    ID,
                    "patching",
                    false,
                    () -> {
                      throw new IllegalStateException("unknown field");
                    }))
        .hasMessage("unknown field");
    assertThatThrownBy(() -> service.stop("prod", "<not a task>", "patching", false, () -> {}))
        .isInstanceOf(dev.ecsdashboard.ecs.InvalidReferenceException.class);
    assertThatThrownBy(() -> service.stop("prod", ID, "bad\u202ereason", false, () -> {}))
        .isInstanceOf(InvalidStopReasonException.class);
    then(ecs).shouldHaveNoInteractions();
    then(audit).shouldHaveNoInteractions();
  }

  @Test
  void recordsAStopThatLostTheRaceAsAlreadyStoppedWithTheReasonEcsKept() {
    // Both stops saw the task running; the other reached ECS first, and ECS kept its reason.
    given(ecs.describeTask(REF)).willReturn(running());
    given(ecs.stopTask(REF, "operator: patching")).willReturn(stoppingWith("alice: earlier"));

    StopResult result = service.stop(REF, "patching", false);

    assertThat(result.outcome()).isEqualTo(StopOutcome.ALREADY_STOPPED);
    then(audit)
        .should()
        .complete(
            eq(7L),
            eq(AuditOutcome.ALREADY_STOPPED),
            eq(null),
            argThat((String note) -> note.contains("alice: earlier")));
  }

  @Test
  void saysAnAlreadyStoppedTaskWasAlreadyStoppedAndSendsNothing() {
    given(ecs.describeTask(REF)).willReturn(stopped());

    StopResult result = service.stop(REF, "patching", false);

    assertThat(result.outcome()).isEqualTo(StopOutcome.ALREADY_STOPPED);
    then(ecs).should(never()).stopTask(any(), any());
    then(audit).should().record(any(), eq(AuditOutcome.ALREADY_STOPPED), any(), any());
  }

  @Test
  void recordsAFailedStopWithTheEcsErrorAndThrowsIt() {
    given(ecs.describeTask(REF)).willReturn(running());
    EcsThrottledException throttled =
        new EcsThrottledException("StopTask", "ThrottlingException", "Rate exceeded", null);
    given(ecs.stopTask(any(), any())).willThrow(throttled);

    assertThatThrownBy(() -> service.stop(REF, "patching", false)).isSameAs(throttled);
    then(audit).should().complete(7L, AuditOutcome.FAILED, "ThrottlingException", "Rate exceeded");
  }

  @Test
  void checksALostAnswerWithADescribeInsteadOfCallingAgain() {
    given(ecs.describeTask(REF)).willReturn(running(), stoppingWith("operator: patching"));
    given(ecs.stopTask(any(), any()))
        .willThrow(new EcsUnavailableException("StopTask", null, "Read timed out", null));

    StopResult result = service.stop(REF, "patching", false);

    assertThat(result.outcome()).isEqualTo(StopOutcome.STOPPED);
    then(ecs).should().stopTask(any(), any());
    then(audit).should().complete(7L, AuditOutcome.STOPPED, null, null);
  }

  @Test
  void recordsOutcomeUnknownWhenTheAnswerIsLostAndTheCheckFails() {
    EcsUnavailableException lost =
        new EcsUnavailableException("StopTask", null, "Read timed out", null);
    given(ecs.describeTask(REF))
        .willReturn(running())
        .willThrow(new EcsUnavailableException("DescribeTasks", null, "down", null));
    given(ecs.stopTask(any(), any())).willThrow(lost);

    assertThatThrownBy(() -> service.stop(REF, "patching", false)).isSameAs(lost);
    then(audit).should().complete(7L, AuditOutcome.UNKNOWN, null, "Read timed out");
  }

  @Test
  void dryRunChecksEverythingAndStopsAndRecordsNothing() {
    given(ecs.describeTask(REF)).willReturn(running());

    StopResult result = service.stop(REF, "patching", true);

    assertThat(result.outcome()).isEqualTo(StopOutcome.WOULD_STOP);
    assertThat(result.auditId()).isNull();
    then(access).should().checkStop("prod");
    then(ecs).should(never()).stopTask(any(), any());
    then(audit).shouldHaveNoInteractions();
  }

  static Task running() {
    return Task.builder()
        .taskArn(ARN)
        .clusterArn("arn:aws:ecs:us-east-1:123456789012:cluster/prod")
        .group("service:web")
        .lastStatus("RUNNING")
        .desiredStatus("RUNNING")
        .tags(Tag.builder().key("team").value("payments").build())
        .build();
  }

  static Task stopping() {
    return stoppingWith("operator: patching");
  }

  static Task stoppingWith(String reason) {
    return running().toBuilder().desiredStatus("STOPPED").stoppedReason(reason).build();
  }

  static Task stopped() {
    return stoppingWith("alice: earlier").toBuilder().lastStatus("STOPPED").build();
  }

  private static AuditEntry entry(AuditOutcome outcome) {
    return new AuditEntry(
        7L,
        Instant.now(),
        Instant.now(),
        new StopAttempt(null, "operator", "prod", ARN, null, null, "r", "operator: r"),
        outcome,
        null,
        null);
  }
}
