package com.newsdesk.core.mailbox;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Clock;
import java.util.UUID;

/**
 * Writes each confirmation mail as a {@code .eml} file into a directory (setting {@code MAIL_OUTBOX_DIR};
 * {@code .local/outbox/} under {@code make run}), where a developer opens it and follows the link. Nothing leaves
 * the machine.
 */
public final class OutboxMailer implements ConfirmationMailer {
    private final Path outbox;
    private final Clock clock;

    public OutboxMailer(Path outbox, Clock clock) {
        this.outbox = outbox;
        this.clock = clock;
    }

    @Override
    public void send(ConfirmationMessage message) {
        String mail = "To: " + message.to().address() + "\r\n"
                + "Subject: " + message.subject() + "\r\n"
                + "Date: " + clock.instant() + "\r\n"
                + "Content-Type: text/plain; charset=utf-8\r\n"
                + "\r\n"
                + message.text().replace("\n", "\r\n");
        try {
            Files.createDirectories(outbox);
            Files.writeString(outbox.resolve(clock.millis() + "-" + UUID.randomUUID() + ".eml"), mail, StandardCharsets.UTF_8,
                    StandardOpenOption.CREATE_NEW);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write to the mail outbox", e);
        }
    }
}
