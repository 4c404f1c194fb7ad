package dev.ecsdashboard.task;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyInt;
import static org.mockito.ArgumentMatchers.anyList;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.ArgumentMatchers.isNull;
import static org.mockito.BDDMockito.given;
import static org.mockito.BDDMockito.then;
import static org.mockito.BDDMockito.willThrow;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.times;

import dev.ecsdashboard.ecs.ClusterRef;
import dev.ecsdashboard.ecs.EcsDeadline;
import dev.ecsdashboard.ecs.EcsOperations;
import dev.ecsdashboard.ecs.EcsOperations.DescribedTasks;
import dev.ecsdashboard.ecs.EcsOperations.TaskArnPage;
import dev.ecsdashboard.ecs.EcsThrottledException;
import dev.ecsdashboard.ecs.EcsTimeBudgetException;
import dev.ecsdashboard.ecs.TaskQuery;
import dev.ecsdashboard.ecs.TaskRef;
import dev.ecsdashboard.security.ClusterAccess;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.springframework.security.access.AccessDeniedException;
import software.amazon.awssdk.services.ecs.model.Failure;
import software.amazon.awssdk.services.ecs.model.Task;

class TaskServiceTest {

  static final ClusterRef CLUSTER = ClusterRef.of("prod-web");

  final EcsOperations ecs = mock(EcsOperations.class);
  final ClusterAccess access = mock(ClusterAccess.class);
  final TaskService service = new TaskService(ecs, access);

  @Test
  void aPageCostsOneListTasksAndOneDescribeTasks() {
    List<String> arns = arns(0, 100);
    given(ecs.listTasks(CLUSTER, TaskQuery.ALL_RUNNING, null, 100))
        .willReturn(new TaskArnPage(arns, "next-1"));
    given(ecs.describeTasks(CLUSTER, arns)).willReturn(described(arns));

    TaskService.TaskPage page = service.page(CLUSTER, TaskQuery.ALL_RUNNING, null);

    assertThat(page.tasks()).extracting(Task::taskArn).containsExactlyElementsOf(arns);
    assertThat(page.nextToken()).isEqualTo("next-1");
    then(ecs).should(times(1)).listTasks(any(), any(), any(), anyInt());
    then(ecs).should(times(1)).describeTasks(any(), anyList());
    then(ecs).shouldHaveNoMoreInteractions();
  }

  @Test
  void keepsTheListOrderWhateverOrderEcsDescribesIn() {
    List<String> arns = arns(0, 5);
    given(ecs.listTasks(any(), any(), any(), anyInt())).willReturn(new TaskArnPage(arns, null));
    List<String> reversed = new ArrayList<>(arns);
    Collections.reverse(reversed);
    given(ecs.describeTasks(CLUSTER, arns)).willReturn(described(reversed));

    assertThat(service.page(CLUSTER, TaskQuery.ALL_RUNNING, null).tasks())
        .extracting(Task::taskArn)
        .containsExactlyElementsOf(arns);
  }

  @Test
  void leavesOutTasksEcsForgotBetweenListingAndDescribing() {
    List<String> arns = arns(0, 3);
    given(ecs.listTasks(any(), any(), any(), anyInt())).willReturn(new TaskArnPage(arns, null));
    given(ecs.describeTasks(CLUSTER, arns))
        .willReturn(
            new DescribedTasks(
                List.of(task(arns.get(0)), task(arns.get(2))),
                List.of(Failure.builder().arn(arns.get(1)).reason("MISSING").build())));

    assertThat(service.page(CLUSTER, TaskQuery.ALL_RUNNING, null).tasks()).hasSize(2);
  }

  @Test
  void anEmptyPageCostsNoDescribeTasks() {
    given(ecs.listTasks(any(), any(), any(), anyInt()))
        .willReturn(new TaskArnPage(List.of(), null));

    assertThat(service.page(CLUSTER, TaskQuery.ALL_RUNNING, null).tasks()).isEmpty();
    then(ecs).should().listTasks(any(), any(), any(), anyInt());
    then(ecs).shouldHaveNoMoreInteractions();
  }

  @Test
  void passesThePageTokenOnToEcs() {
    given(ecs.listTasks(any(), any(), any(), anyInt()))
        .willReturn(new TaskArnPage(List.of(), null));

    service.page(CLUSTER, TaskQuery.ALL_RUNNING, "token-7");

    then(ecs).should().listTasks(CLUSTER, TaskQuery.ALL_RUNNING, "token-7", 100);
  }

  @Test
  void allTasksFollowsEveryTokenWithOneDescribePerPage() {
    List<String> first = arns(0, 100);
    List<String> second = arns(100, 200);
    List<String> third = arns(200, 250);
    TaskQuery stopped = new TaskQuery(null, null, "web", null, null, null);
    given(ecs.listTasks(CLUSTER, stopped, null, 100)).willReturn(new TaskArnPage(first, "t1"));
    given(ecs.listTasks(CLUSTER, stopped, "t1", 100)).willReturn(new TaskArnPage(second, "t2"));
    given(ecs.listTasks(CLUSTER, stopped, "t2", 100)).willReturn(new TaskArnPage(third, null));
    given(ecs.describeTasks(eq(CLUSTER), anyList()))
        .willAnswer(call -> described(call.getArgument(1)));

    List<Task> all = service.allTasks(CLUSTER, stopped);

    assertThat(all).extracting(Task::taskArn).containsExactlyElementsOf(arns(0, 250));
    then(ecs).should(times(3)).listTasks(any(), any(), any(), anyInt());
    then(ecs).should(times(3)).describeTasks(any(), anyList());
  }

  @Test
  void allTasksDescribesAPageWhileTheNextIsListed() {
    CountDownLatch secondListed = new CountDownLatch(1);
    given(ecs.listTasks(any(), any(), isNull(), anyInt()))
        .willReturn(new TaskArnPage(arns(0, 100), "t1"));
    given(ecs.listTasks(any(), any(), eq("t1"), anyInt()))
        .willAnswer(
            call -> {
              secondListed.countDown();
              return new TaskArnPage(arns(100, 150), null);
            });
    given(ecs.describeTasks(eq(CLUSTER), anyList()))
        .willAnswer(
            call -> {
              List<String> arns = call.getArgument(1);
              if (arns.size() == 100 && !secondListed.await(10, TimeUnit.SECONDS)) {
                throw new AssertionError("the second page was not listed meanwhile");
              }
              return described(arns);
            });

    assertThat(service.allTasks(CLUSTER, TaskQuery.ALL_RUNNING))
        .extracting(Task::taskArn)
        .containsExactlyElementsOf(arns(0, 150));
  }

  @Test
  void allTasksThrowsTheDashboardsOwnExceptionWhenADescribeFails() {
    given(ecs.listTasks(any(), any(), any(), anyInt()))
        .willReturn(new TaskArnPage(arns(0, 100), null));
    given(ecs.describeTasks(eq(CLUSTER), anyList()))
        .willThrow(new EcsThrottledException("DescribeTasks", "ThrottlingException", "Rate", null));

    assertThatThrownBy(() -> service.allTasks(CLUSTER, TaskQuery.ALL_RUNNING))
        .isInstanceOf(EcsThrottledException.class);
  }

  @Test
  void allTasksWaitsForDescribesQueuedOnTheSharedPoolNoLongerThanTheRequestsTime()
      throws Exception {
    // Six pages, four describers shared by every user: two describes wait in the queue behind
    // four that hang. The request gives up at its deadline and leaves nothing queued behind.
    CountDownLatch release = new CountDownLatch(1);
    given(ecs.listTasks(any(), any(), isNull(), anyInt()))
        .willReturn(new TaskArnPage(arns(0, 1), "1"));
    for (int page = 1; page < 6; page++) {
      given(ecs.listTasks(any(), any(), eq(Integer.toString(page)), anyInt()))
          .willReturn(
              new TaskArnPage(arns(page, page + 1), page < 5 ? Integer.toString(page + 1) : null));
    }
    given(ecs.describeTasks(eq(CLUSTER), anyList()))
        .willAnswer(
            call -> {
              release.await(30, TimeUnit.SECONDS);
              return described(call.getArgument(1));
            });
    long start = System.nanoTime();

    try (EcsDeadline request = EcsDeadline.start(Duration.ofMillis(300))) {
      assertThatThrownBy(() -> service.allTasks(CLUSTER, TaskQuery.ALL_RUNNING))
          .isInstanceOf(EcsTimeBudgetException.class);
    }
    Duration took = Duration.ofNanos(System.nanoTime() - start);
    release.countDown();

    assertThat(took).isLessThan(Duration.ofSeconds(3));
    // The queued describes of the request that gave up are dropped, not run for nobody.
    await()
        .during(Duration.ofMillis(200))
        .atMost(Duration.ofSeconds(5))
        .untilAsserted(
            () ->
                then(ecs)
                    .should(times(TaskService.DESCRIBE_CONCURRENCY))
                    .describeTasks(any(), anyList()));
  }

  @Test
  void allTasksStopsWhenEcsRepeatsAToken() {
    given(ecs.listTasks(any(), any(), isNull(), anyInt()))
        .willReturn(new TaskArnPage(arns(0, 1), "loop"));
    given(ecs.listTasks(any(), any(), eq("loop"), anyInt()))
        .willReturn(new TaskArnPage(arns(1, 2), "loop"));
    given(ecs.describeTasks(eq(CLUSTER), anyList()))
        .willAnswer(call -> described(call.getArgument(1)));

    assertThat(service.allTasks(CLUSTER, TaskQuery.ALL_RUNNING)).hasSize(2);
  }

  @Test
  void aTaskCostsOneDescribe() {
    TaskRef ref = TaskRef.parse("prod-web", "0123456789abcdef0123456789abcdef");
    Task task = task("arn");
    given(ecs.describeTask(ref)).willReturn(task);

    assertThat(service.task(ref)).isSameAs(task);
    then(access).should().checkRead("prod-web");
  }

  @Test
  void checksReadAccessBeforeAnyCall() {
    willThrow(new AccessDeniedException("no")).given(access).checkRead("prod-web");

    assertThatThrownBy(() -> service.page(CLUSTER, TaskQuery.ALL_RUNNING, null))
        .isInstanceOf(AccessDeniedException.class);
    assertThatThrownBy(() -> service.allTasks(CLUSTER, TaskQuery.ALL_RUNNING))
        .isInstanceOf(AccessDeniedException.class);
    assertThatThrownBy(
            () -> service.task(TaskRef.parse("prod-web", "0123456789abcdef0123456789abcdef")))
        .isInstanceOf(AccessDeniedException.class);
    then(ecs).shouldHaveNoInteractions();
  }

  static List<String> arns(int from, int to) {
    return IntStream.range(from, to)
        .mapToObj(i -> "arn:aws:ecs:us-east-1:123456789012:task/prod-web/%032x".formatted(i))
        .toList();
  }

  static DescribedTasks described(List<String> arns) {
    return new DescribedTasks(arns.stream().map(TaskServiceTest::task).toList(), List.of());
  }

  static Task task(String arn) {
    return Task.builder().taskArn(arn).lastStatus("RUNNING").build();
  }
}
