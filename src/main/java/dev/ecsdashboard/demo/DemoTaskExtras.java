package dev.ecsdashboard.demo;

import dev.ecsdashboard.demo.DemoWorkload.Feature;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import software.amazon.awssdk.services.ecs.model.ContainerOverride;
import software.amazon.awssdk.services.ecs.model.EnvironmentFileType;
import software.amazon.awssdk.services.ecs.model.KeyValuePair;
import software.amazon.awssdk.services.ecs.model.ResourceType;
import software.amazon.awssdk.services.ecs.model.Tag;
import software.amazon.awssdk.services.ecs.model.TaskOverride;

/**
 * The overrides and tags of seeded tasks. Standalone tasks are started with full overrides
 * (command, environment with values that look like secrets, environment files, roles), as
 * schedulers and pipelines start them; service tasks carry the empty overrides ECS records.
 */
final class DemoTaskExtras {

  private static final Map<String, List<String>> COMMANDS =
      Map.of(
          "db-migrate", List.of("./bin/migrate", "up", "--to", "2024_11_02_1200"),
          "ml-inference", List.of("python", "serve.py", "--model", "s3://models/recs/v7"),
          "debug-shell", List.of("sleep", "3600"),
          "report-generator", List.of("node", "dist/report.js", "--report", "weekly-revenue"),
          "etl-runner", List.of("python", "-m", "etl.run", "--source", "orders"));

  private static final List<String> EXTRA_TAG_KEYS =
      List.of(
          "owner",
          "repository",
          "git-sha",
          "build-id",
          "pagerduty-service",
          "data-classification",
          "backup",
          "compliance",
          "tier",
          "lifecycle",
          "slo",
          "runbook",
          "on-call",
          "region-pair",
          "budget",
          "product",
          "domain",
          "jira-project",
          "created-by",
          "terraform-workspace",
          "terraform-module",
          "chargeback",
          "customer",
          "feature-flags",
          "release-train",
          "cost-allocation",
          "security-zone",
          "patch-group",
          "maintenance-window",
          "dr-tier",
          "retention",
          "sox-scope",
          "pci-scope",
          "hipaa-scope",
          "contact-email",
          "slack-channel",
          "alert-policy");

  private final DemoAccount account;
  private final DemoIds ids;

  DemoTaskExtras(DemoAccount account, DemoIds ids) {
    this.account = account;
    this.ids = ids;
  }

  TaskOverride overrides(DemoWorkload workload, Instant createdAt) {
    List<ContainerOverride> containers = new ArrayList<>();
    if (!workload.has(Feature.RICH_OVERRIDES)) {
      containers.add(ContainerOverride.builder().name(workload.name()).build());
      if (workload.sidecar() != null) {
        containers.add(ContainerOverride.builder().name(workload.sidecar()).build());
      }
      return TaskOverride.builder().containerOverrides(containers).build();
    }
    String runDate = createdAt.atZone(ZoneOffset.UTC).toLocalDate().toString();
    List<String> command = new ArrayList<>(COMMANDS.getOrDefault(workload.name(), List.of()));
    command.addAll(List.of("--date", runDate));
    ContainerOverride.Builder app =
        ContainerOverride.builder()
            .name(workload.name())
            .command(command)
            .environment(
                env("RUN_DATE", runDate),
                env("LOG_LEVEL", ids.chance(0.3) ? "debug" : "info"),
                env(
                    "DATABASE_URL",
                    "postgres://"
                        + workload.name()
                        + ":"
                        + ids.hex(12)
                        + "@orders-db.internal/app"),
                env("API_TOKEN", "tok_live_" + ids.hex(24)),
                env("AWS_SECRET_ACCESS_KEY", ids.hex(20) + "/" + ids.hex(19)))
            .environmentFiles(
                f ->
                    f.type(EnvironmentFileType.S3)
                        .value(
                            "arn:aws:s3:::acme-config-"
                                + account.account()
                                + "/"
                                + workload.name()
                                + "/app.env"))
            .cpu(workload.cpu())
            .memory(workload.memory());
    if (workload.has(Feature.GPU)) {
      app.resourceRequirements(r -> r.type(ResourceType.GPU).value("1"));
    }
    return TaskOverride.builder()
        .containerOverrides(app.build())
        .cpu(Integer.toString(workload.cpu()))
        .memory(Integer.toString(workload.memory()))
        .taskRoleArn(account.roleArn(workload.name() + "-task-role"))
        .executionRoleArn(account.roleArn("ecsTaskExecutionRole"))
        .build();
  }

  List<Tag> tags(DemoSite site, DemoWorkload workload, boolean many) {
    List<Tag> tags = new ArrayList<>();
    tags.add(tag("environment", site.environment()));
    tags.add(tag("team", workload.team()));
    tags.add(tag("application", workload.name()));
    tags.add(tag("cost-center", "cc-" + (1000 + Math.abs(workload.team().hashCode()) % 9000)));
    if (workload.service()) {
      tags.add(tag("aws:ecs:clusterName", site.cluster()));
      tags.add(tag("aws:ecs:serviceName", workload.name()));
    } else if (workload.startedBy() != null) {
      tags.add(tag("launched-by", workload.startedBy()));
    }
    if (many) {
      for (String key : EXTRA_TAG_KEYS) {
        tags.add(tag(key, key + "-" + ids.hex(6)));
      }
    }
    return tags;
  }

  private static KeyValuePair env(String name, String value) {
    return KeyValuePair.builder().name(name).value(value).build();
  }

  private static Tag tag(String key, String value) {
    return Tag.builder().key(key).value(value).build();
  }
}
