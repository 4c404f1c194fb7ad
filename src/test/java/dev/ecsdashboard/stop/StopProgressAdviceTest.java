package dev.ecsdashboard.stop;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class StopProgressAdviceTest {

  private final StopProgressAdvice.StopProgress progress =
      new StopProgressAdvice(Duration.ofSeconds(2)).stopProgress();

  @Test
  void reloadsThePageOfATaskBeingStopped() {
    for (String last : new String[] {"RUNNING", "DEACTIVATING", "STOPPING", "DEPROVISIONING"}) {
      assertThat(progress.refreshSeconds("STOPPED", last)).as(last).isEqualTo(2);
    }
  }

  @Test
  void leavesRunningAndStoppedTasksStill() {
    assertThat(progress.refreshSeconds("RUNNING", "RUNNING")).isNull();
    assertThat(progress.refreshSeconds("STOPPED", "STOPPED")).isNull();
    assertThat(progress.refreshSeconds("STOPPED", "DELETED")).isNull();
    assertThat(progress.refreshSeconds(null, null)).isNull();
  }
}
