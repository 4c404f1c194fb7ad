package dev.ecsdashboard.stop;

/** The stop form: the reason as typed. Kept as typed when the form is rejected. */
public class StopForm {

  @StopReason private String reason;

  public String getReason() {
    return reason;
  }

  public void setReason(String reason) {
    this.reason = reason;
  }
}
