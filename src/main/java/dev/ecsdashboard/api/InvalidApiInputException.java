package dev.ecsdashboard.api;

/** An API request's parameter or body field that breaks a rule; nothing was sent to ECS. */
class InvalidApiInputException extends RuntimeException {

  private final String field;

  InvalidApiInputException(String field, String message) {
    super(message);
    this.field = field;
  }

  /** The parameter or body field that was wrong. */
  String field() {
    return field;
  }
}
