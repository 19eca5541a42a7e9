package com.newsdesk.core.newsletter;

import com.newsdesk.core.comment.EmailAddress;

/** The double opt-in mail: plain text holding the confirmation link. */
public record ConfirmationMessage(EmailAddress to, String subject, String text) {}
