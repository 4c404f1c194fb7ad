package dev.ecsdashboard.demo;

/**
 * A StopTask call the simulated ECS handled (not one answered with an injected fault).
 *
 * @param cluster the cluster as sent, null for the default
 * @param taskId the task ID, taken from the ARN when an ARN was sent
 * @param reason the reason as sent, null when none
 */
public record StopTaskCall(String cluster, String taskId, String reason) {}
