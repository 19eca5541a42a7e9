package com.newsdesk.comments;

import com.newsdesk.core.aws.AwsClients;
import com.newsdesk.core.mailbox.ConfirmationMailer;
import com.newsdesk.core.mailbox.OutboxMailer;
import com.newsdesk.core.site.Settings;
import java.nio.file.Path;
import java.time.Clock;
import software.amazon.awssdk.services.sesv2.SesV2Client;

/** Which mailer this function sends confirmation links through, wired once per container. */
final class ConfirmationMailers {
    private ConfirmationMailers() {}

    /**
     * The local outbox when {@code MAIL_OUTBOX_DIR} is set (make run, tests), else SES from {@code MAIL_FROM},
     * through a client bounded as every other ({@link AwsClients}).
     */
    static ConfirmationMailer of(Settings settings, Clock clock) {
        String outbox = settings.get("MAIL_OUTBOX_DIR", null);
        if (outbox != null) {
            return new OutboxMailer(Path.of(outbox), clock);
        }
        return new SesConfirmationMailer(new AwsClients(settings).mail(SesV2Client.builder()), settings.required("MAIL_FROM"));
    }
}
