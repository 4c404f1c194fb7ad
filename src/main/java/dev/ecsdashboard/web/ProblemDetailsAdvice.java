package dev.ecsdashboard.web;

import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.servlet.mvc.method.annotation.ResponseEntityExceptionHandler;

/**
 * Spring MVC's own errors (unknown address, unsupported method or media type, unreadable body) as
 * problem documents for every client that does not ask for HTML. Spring Boot registers the same
 * handler only while no other {@link ResponseEntityExceptionHandler} exists, and the REST API has
 * its own, limited to its controllers; this one keeps the rest of the application covered.
 */
@ControllerAdvice
@Order(Ordered.LOWEST_PRECEDENCE)
class ProblemDetailsAdvice extends ResponseEntityExceptionHandler {}
