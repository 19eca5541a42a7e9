package com.newsdesk.core.mailbox;

import com.newsdesk.core.mailbox.EmailAddress;

/** The double opt-in mail: plain text holding the confirmation link. */
public record ConfirmationMessage(EmailAddress to, String subject, String text) {}
