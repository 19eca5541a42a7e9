package com.newsdesk.core.mailbox;

/** Sends the confirmation mail of a newsletter sign-up: through SES in AWS, into a local outbox under {@code make run}. */
public interface ConfirmationMailer {
    void send(ConfirmationMessage message);
}
