package dev.ecsdashboard.ecs;

import java.util.Optional;
import java.util.regex.Pattern;
import software.amazon.awssdk.arns.Arn;

/**
 * A validated cluster reference: a short name, or a full cluster ARN reduced to its name (the ARN
 * is kept so that its region and account can be checked).
 *
 * @param name the cluster's short name
 * @param arn the ARN it was given as, if it was
 */
public record ClusterRef(String name, Optional<Arn> arn) {

  /** The cluster ECS assumes when none is given. */
  public static final String DEFAULT = "default";

  /** ECS: up to 255 letters, numbers, underscores and hyphens. */
  static final Pattern NAME = Pattern.compile("[A-Za-z0-9_-]{1,255}");

  public static ClusterRef of(String name) {
    return parse(name);
  }

  /**
   * @param input a cluster short name or a full cluster ARN; null or blank means {@code default}
   * @throws InvalidReferenceException when it is neither
   */
  public static ClusterRef parse(String input) {
    if (input == null || input.isBlank()) {
      return new ClusterRef(DEFAULT, Optional.empty());
    }
    if (NAME.matcher(input).matches()) {
      return new ClusterRef(input, Optional.empty());
    }
    if (input.startsWith("arn:")) {
      Arn arn = EcsArns.parse("cluster", input);
      EcsArns.requireResourceType(arn, "cluster", "cluster", input);
      String name = arn.resource().resource();
      if (arn.resource().qualifier().isPresent() || !NAME.matcher(name).matches()) {
        throw new InvalidReferenceException(
            "cluster", input, "This is not a valid cluster ARN: the cluster name is malformed.");
      }
      return new ClusterRef(name, Optional.of(arn));
    }
    throw new InvalidReferenceException(
        "cluster",
        input,
        "A cluster is a name of up to 255 letters, digits, hyphens and underscores, or a full"
            + " cluster ARN.");
  }

  @Override
  public String toString() {
    return name;
  }
}
